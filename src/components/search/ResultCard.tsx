import { memo } from 'react';
import type { ServiceHit } from '../../lib/search/client.ts';
import type { LatLng } from '../../lib/geocoding/district-table.ts';
import { distanceText, openNowText, placeText, statusNotes } from './result-text.ts';

interface Props {
  hit: ServiceHit;
  from: LatLng | null;
  now: Date;
}

/** One result: the name as a heading (screen readers jump between them), then what tells it apart. */
function ResultCard({ hit, from, now }: Props) {
  const notes = statusNotes(hit);
  const place = placeText(hit);
  const distance = from ? distanceText(hit, from) : null;
  const open = openNowText(hit, now);
  const facts = [place, distance, hit.free ? 'Free' : '', open ?? ''].filter(Boolean);
  return (
    <li className="result-card">
      <h2 className="result-name">
        <a href={`/services/${encodeURIComponent(hit.id)}/`}>{hit.name}</a>
      </h2>
      {hit.organisation && <p className="meta">{hit.organisation}</p>}
      {notes.length > 0 && <p className="result-notes">{notes.join('. ')}.</p>}
      <p>{hit.summary}</p>
      {facts.length > 0 && <p className="meta">{facts.join(' · ')}</p>}
      {hit.times[0] && <p className="meta">{hit.times[0]}</p>}
      <p className="result-actions">
        <a href={`/shortlist/?add=${encodeURIComponent(hit.id)}`}>
          Add<span className="visually-hidden"> {hit.name}</span> to shortlist
        </a>
      </p>
    </li>
  );
}

/**
 * A card is drawn again only when what it shows changed: typing on usually keeps most results, and
 * redrawing the same cards costs layout on every keystroke.
 */
export default memo(
  ResultCard,
  (a, b) =>
    a.from === b.from && a.now.getTime() === b.now.getTime() && (a.hit === b.hit || JSON.stringify(a.hit) === JSON.stringify(b.hit)),
);
