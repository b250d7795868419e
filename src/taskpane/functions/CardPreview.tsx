// The card a scalar answer carries in Excel (src/core/card), as the function builder previews it: the same
// object the custom function returns, read section by section. Excel draws its own card; this is what it holds.
import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CardProperty, SourceCard } from "../../core/card/card";
import { CARD_PROPERTY as P } from "../../core/card/card";
import { safeHttpUrl } from "../../core/table/cells";
import { serialToIso } from "../../core/model/dates";
import { formatNumber } from "../../core/query/format";

const useStyles = makeStyles({
  card: {
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS, padding: "8px 10px",
    border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  sublabel: { color: tokens.colorNeutralForeground2, marginLeft: tokens.spacingHorizontalS },
  section: { margin: 0, display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalM, rowGap: "2px", fontSize: tokens.fontSizeBase200 },
  label: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  cell: { margin: 0, overflowWrap: "anywhere" },
  sectionTitle: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalXS },
  evidence: { margin: 0, padding: "2px 0 2px 8px", borderLeft: `3px solid ${tokens.colorBrandStroke1}`, fontSize: tokens.fontSizeBase200 },
  summary: { cursor: "pointer", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  footer: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

/** A number property as its card shows it: a date at its format's precision, else the number. */
function shownNumber(value: number, numberFormat: string | undefined): string {
  if (!numberFormat) return formatNumber(value);
  const iso = serialToIso(value);
  return numberFormat === "yyyy" ? iso.slice(0, 4) : numberFormat === "mmm yyyy" ? iso.slice(0, 7) : iso;
}

function shown(p: CardProperty): string {
  return p.type === "Double" ? shownNumber(p.basicValue, p.numberFormat) : p.basicValue;
}

function Row({ name, p }: { name: string; p: CardProperty }) {
  const cls = useStyles();
  const url = name === P.url ? safeHttpUrl(p.basicValue as string) : null;
  return (
    <>
      <dt className={cls.label}>{name}</dt>
      <dd className={cls.cell}>
        {url ? <Link href={url} target="_blank" rel="noopener noreferrer">{url}</Link> : shown(p)}
        {p.propertyMetadata?.sublabel && name !== P.value ? <span className={cls.sublabel}>{p.propertyMetadata.sublabel}</span> : null}
      </dd>
    </>
  );
}

export default function CardPreview({ card }: { card: SourceCard }) {
  const cls = useStyles();
  const { title, sections } = card.layouts.card;
  const value = card.properties[P.value];
  const evidence = card.properties[P.evidence];
  const attribution = evidence?.propertyMetadata?.attribution?.[0];
  const link = attribution?.sourceAddress ? safeHttpUrl(attribution.sourceAddress) : null;
  return (
    <section className={cls.card} aria-label="Card in the cell" data-testid="fn-card">
      <Text weight="semibold" data-testid="fn-card-title">{title}</Text>
      <div>
        <span className={cls.value} data-testid="fn-card-value">{shownNumber(card.basicValue, card.numberFormat)}</span>
        {value?.propertyMetadata?.sublabel && <span className={cls.sublabel} data-testid="fn-card-unit">{value.propertyMetadata.sublabel}</span>}
      </div>
      {sections.map((s, i) => {
        // the evidence is shown as the quote it is, with its source beside it
        const rows = s.properties.filter((n) => n !== P.value && n !== P.evidence && card.properties[n]);
        const quote = s.properties.includes(P.evidence) && evidence ? (
          <blockquote className={cls.evidence} data-testid="fn-card-evidence">
            {evidence.basicValue}
            {attribution?.sourceText && (
              <>
                {" "}&mdash;{" "}
                {link ? <Link href={link} target="_blank" rel="noopener noreferrer">{attribution.sourceText}</Link> : attribution.sourceText}
              </>
            )}
          </blockquote>
        ) : null;
        const list = rows.length > 0 ? (
          <dl className={cls.section}>{rows.map((n) => <Row key={n} name={n} p={card.properties[n]} />)}</dl>
        ) : null;
        if (!quote && !list) return null;
        if (s.collapsed) {
          return (
            <details key={i}>
              <summary className={cls.summary}>{s.title}</summary>
              {list}
            </details>
          );
        }
        return (
          <div key={i}>
            {s.title && <Text block className={cls.sectionTitle}>{s.title}</Text>}
            {quote}
            {list}
          </div>
        );
      })}
      <Text className={cls.footer}>
        {card.provider.description} · Excel shows this card in the cell where it supports data types (Microsoft 365, ExcelApi 1.19); elsewhere the cell holds the plain number.
      </Text>
    </section>
  );
}
