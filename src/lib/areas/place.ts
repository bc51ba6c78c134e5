/** "NHS Norfolk and Waveney Integrated Care Board" → "Norfolk and Waveney": the place residents know. */
export function placeName(icb: string): string {
  return (
    icb
      .replace(/^NHS\s+/i, '')
      .replace(/\s+(Integrated Care Board|ICB)$/i, '')
      .trim() || icb
  );
}

/** The town of an address written "12 High Street, King's Lynn": its last part. */
export function townOf(address: string | null): string | null {
  const last = address?.split(',').at(-1)?.trim();
  return last ? last : null;
}

/** "King's Lynn", "King's Lynn and Hunstanton", "Diss, Harleston and Wymondham". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The address of an area's page. */
export function areaPath(code: string): string {
  return `/areas/${code.toLowerCase()}/`;
}

/** Where the self-referral form for a PCN lives (built by the self-referral issue). */
export function referPath(code: string): string {
  return `/refer/?pcn=${encodeURIComponent(code)}`;
}
