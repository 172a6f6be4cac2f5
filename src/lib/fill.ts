/**
 * A message's {placeholders} filled in. For client components that receive their texts as
 * plain strings (next-intl's raw messages) from a server page.
 */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => (key in values ? String(values[key]) : ""));
}
