/** Why a referral could not be sent, in words the person can act on; their answers are still on the page. */
export function SendProblem({ title, message }: { title: string; message: string }) {
  return (
    <div className="govuk-error-summary" tabIndex={-1} ref={(el) => el?.focus()}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">{message}</p>
        </div>
      </div>
    </div>
  );
}
