import { useEffect, useState, type FormEvent } from 'react';
import { CurationError, linkPlace, saveLocation } from '../../../lib/curation/listings.ts';
import type { FieldProblem } from '../../../lib/curation/report.ts';
import { locationSchema } from '../../../lib/schemas/location.ts';
import type { SessionClient } from '../../../lib/supabase-session.ts';
import { ErrorSummary } from '../ErrorSummary.tsx';
import ExistingPlace from './ExistingPlace.tsx';
import { Heading } from '../Heading.tsx';
import { TextField } from '../TextField.tsx';
import { Problem, TextArea } from './fields.tsx';

const empty = {
  name: '',
  address_1: '',
  address_2: '',
  city: '',
  postal_code: '',
  latitude: '',
  longitude: '',
  accessibility: '',
  description: '',
};
type Fields = typeof empty;

const coordinate = (text: string) => (text.trim() === '' ? null : Number.isFinite(Number(text)) ? Number(text) : text);

/** Create or edit a place (ORUK location); a new one made from a listing is added to that listing. */
export default function PlaceEditor({
  client,
  locationId,
  forService,
  ensureSession,
}: {
  client: SessionClient;
  locationId: string;
  forService: string | undefined;
  ensureSession: () => Promise<boolean>;
}) {
  const isNew = locationId === 'new';
  const [fields, setFields] = useState<Fields>(empty);
  const [kept, setKept] = useState<Record<string, unknown>>({});
  const [loaded, setLoaded] = useState(isNew);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (isNew) return;
    void client
      .from('locations')
      .select('*')
      .eq('id', locationId)
      .maybeSingle()
      .then(({ data, error }) => {
        if (error || !data) return setFailure(error ? error.message : 'That place does not exist.');
        const l = locationSchema.parse(data);
        setKept(l);
        setFields({
          name: l.name ?? '',
          address_1: l.address_1 ?? '',
          address_2: l.address_2 ?? '',
          city: l.city ?? '',
          postal_code: l.postal_code ?? '',
          latitude: l.latitude?.toString() ?? '',
          longitude: l.longitude?.toString() ?? '',
          accessibility: l.accessibility ?? '',
          description: l.description ?? '',
        });
        setLoaded(true);
      });
  }, [client, locationId, isNew]);

  const set = (field: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [field]: value }));
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!(await ensureSession())) return;
    setProblems([]);
    setFailure(undefined);
    try {
      const id = isNew ? crypto.randomUUID() : locationId;
      await saveLocation(
        client,
        { ...kept, ...fields, id, latitude: coordinate(fields.latitude), longitude: coordinate(fields.longitude) },
        isNew,
      );
      if (isNew && forService) {
        await linkPlace(client, forService, id);
        window.location.hash = `#curation/service/${forService}`;
        return;
      }
      setSaved(true);
    } catch (error) {
      if (error instanceof CurationError && error.problems.length) setProblems(error.problems);
      else setFailure((error as Error).message);
    }
  }

  return (
    <>
      <ErrorSummary errors={problems.map((p) => ({ field: `place-${p.field}`, message: p.message }))} />
      <Heading title={isNew ? 'Add a place' : 'Edit a place'}>{isNew ? 'Add a place' : `Edit ${fields.name || 'a place'}`}</Heading>
      <p>
        {forService ? (
          <a href={`#curation/service/${forService}`}>Back to the listing</a>
        ) : (
          <a href="#curation/listings">Back to listings</a>
        )}
      </p>
      <Problem message={failure} />
      {saved && (
        <p className="notice" role="status">
          The place is saved.
        </p>
      )}
      {isNew && forService && <ExistingPlace client={client} serviceId={forService} ensureSession={ensureSession} />}
      {isNew && forService && <h2>Or a new place</h2>}
      {loaded && (
        <form noValidate onSubmit={(e) => void submit(e)}>
          <TextField
            id="place-name"
            label="Name of the place"
            hint="For example, St Mary’s Church Hall"
            value={fields.name}
            onChange={set('name')}
            error={errorOf('name')}
          />
          <TextField id="place-address_1" label="Address line 1" value={fields.address_1} onChange={set('address_1')} autoComplete="off" />
          <TextField
            id="place-address_2"
            label="Address line 2 (optional)"
            value={fields.address_2}
            onChange={set('address_2')}
            autoComplete="off"
          />
          <TextField id="place-city" label="Town or city" value={fields.city} onChange={set('city')} autoComplete="off" />
          <TextField id="place-postal_code" label="Postcode" value={fields.postal_code} onChange={set('postal_code')} autoComplete="off" />
          <TextField
            id="place-latitude"
            label="Latitude (optional, for distance and the map)"
            inputMode="decimal"
            value={fields.latitude}
            onChange={set('latitude')}
            error={errorOf('latitude')}
          />
          <TextField
            id="place-longitude"
            label="Longitude (optional)"
            inputMode="decimal"
            value={fields.longitude}
            onChange={set('longitude')}
            error={errorOf('longitude')}
          />
          <TextArea
            id="place-accessibility"
            label="Accessibility (optional)"
            value={fields.accessibility}
            onChange={set('accessibility')}
            rows={2}
          />
          <TextArea
            id="place-description"
            label="Finding it (optional)"
            value={fields.description}
            onChange={set('description')}
            rows={2}
          />
          <button type="submit" className="button">
            {isNew ? 'Add the place' : 'Save the place'}
          </button>
        </form>
      )}
    </>
  );
}
