/**
 * An Intl.DateTimeFormat made the first time it is used, not when its module loads. A page's
 * first formatter costs 40 to 60 ms on a desktop while the browser loads its locale data (four
 * times that on an old phone); made at load, it held up every island that imported it, even on
 * screens that show no date (the person's sign-in screen, the staff sign-in).
 */
export function lazyDateFormat(locale: string, options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | undefined;
  return () => (format ??= new Intl.DateTimeFormat(locale, options));
}
