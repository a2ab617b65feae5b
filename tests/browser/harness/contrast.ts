/** WCAG 2 contrast ratio of two opaque sRGB colours given as [r, g, b, ...] bytes. */
export function contrastRatio(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG relative luminance (0 black to 1 white) of an sRGB colour given as [r, g, b, ...] bytes. */
export function luminance(c: readonly number[]): number {
  const [r, g, b] = [0, 1, 2].map((i) => {
    const v = (c[i] ?? 0) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export type Scheme = 'light' | 'dark';

type Colored = ReadonlyArray<{ text: string; color: number[]; background: number[] }>;

/** Every text has at least `min`:1 contrast with what it is painted on (WCAG AA for body text: 4.5). */
export function assertTextContrast(colors: Colored, what: string, min = 4.5): void {
  if (colors.length === 0) throw new Error(`${what}: no text found`);
  const low = colors
    .map((entry) => ({ text: entry.text, ratio: Number(contrastRatio(entry.color, entry.background).toFixed(2)) }))
    .filter((entry) => entry.ratio < min);
  if (low.length > 0) throw new Error(`${what}: text below ${min}:1 contrast: ${JSON.stringify(low.slice(0, 8))}`);
}

/**
 * Checks the colours of a page's texts (`textColorsInPage`): all readable (`assertTextContrast`), and the page
 * follows `scheme`: most texts sit on a light background in the light scheme and on a dark one in the dark.
 */
export function assertTextColors(colors: Colored, scheme: Scheme, what: string): void {
  assertTextContrast(colors, `${what} (${scheme})`);
  const dark = colors.filter((entry) => luminance(entry.background) < 0.2).length;
  const wanted = scheme === 'dark' ? dark : colors.length - dark;
  if (wanted * 2 <= colors.length) throw new Error(`${what}: ${wanted} of ${colors.length} texts on a ${scheme} background`);
}
