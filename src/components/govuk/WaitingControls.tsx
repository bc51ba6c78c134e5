import type { ReactNode } from 'react';

/**
 * A form's controls shown before they can work (rendered on the server, or waiting for the page's
 * code): disabled together, so nothing typed is lost and nothing is sent early. A group with no box
 * or name of its own (`.waiting-controls`); once `waiting` is false it changes nothing.
 */
export function WaitingControls({ waiting, children }: { waiting: boolean; children: ReactNode }) {
  return (
    <fieldset className="waiting-controls" role="none" disabled={waiting}>
      {children}
    </fieldset>
  );
}
