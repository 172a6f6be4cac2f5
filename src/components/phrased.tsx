/** An era year (令和5年度, 平成31年度), a plan's ordinal (第２期) or FY2024: never broken inside. */
const UNBREAKABLE = /(第[0-9０-９]+期|(?:令和|平成)[0-9０-９元]+年度|FY\d{4})/;

/**
 * A heading's text whose era years and ordinals keep together on a narrow screen, where the
 * browser's phrase breaking would leave 「第」 or 「令和」 alone on a line. The text is unchanged.
 */
export function Phrased({ text }: { text: string }) {
  return text.split(UNBREAKABLE).map((part, i) =>
    i % 2 ? (
      <span key={i} className="unbroken">
        {part}
      </span>
    ) : (
      part
    ),
  );
}
