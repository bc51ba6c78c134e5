declare module 'polylabel' {
  /** The pole of inaccessibility of a polygon (rings of [x, y]): the best point inside it for a label. */
  export default function polylabel(polygon: number[][][], precision?: number): [number, number] & { distance: number };
}
