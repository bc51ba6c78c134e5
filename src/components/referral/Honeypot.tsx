/**
 * A field people never see or hear and bots fill in: the server turns a referral away when it has
 * a value. Hidden from assistive technology and taken out of the tab order.
 */
export function Honeypot({ value, onValue }: { value: string; onValue: (value: string) => void }) {
  return (
    <div className="govuk-visually-hidden" aria-hidden="true">
      <label htmlFor="website">Leave this empty</label>
      <input
        id="website"
        name="website"
        type="text"
        tabIndex={-1}
        autoComplete="off"
        value={value}
        onChange={(e) => onValue(e.target.value)}
      />
    </div>
  );
}
