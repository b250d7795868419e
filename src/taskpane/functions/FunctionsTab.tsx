// Functions: build an MG formula (function, subject from the names the data knows, options), see the
// result the function gives (computed by the same query core the custom functions call), insert it
// into the active cell; and a reference of every MG function with an example.
import { useMemo, useState } from "react";
import {
  Button, Combobox, Dropdown, Field, Input, Option, Text, makeStyles, tokens,
} from "@fluentui/react-components";
import type { DataSnapshot } from "../../core/data/store";
import { FUNCTION_SPECS, FunctionSpec, boundOfAnswer } from "../../core/query/functions";
import { isAnswerError } from "../../core/query/answer";
import { cardOfAnswer } from "../../core/card/card";
import { serialToIso } from "../../core/model/dates";
import { RECORD_KINDS } from "../../core/model/record";
import type { PaneMode } from "../host";
import { buildFormula, readArg } from "./formula";
import CardPreview from "./CardPreview";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  builder: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  formula: { fontFamily: tokens.fontFamilyMonospace, padding: "6px 8px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, overflowWrap: "anywhere" },
  result: { padding: "6px 8px", border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, overflowX: "auto" },
  error: { color: tokens.colorPaletteRedForeground1 },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, "& td, & th": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 4px", textAlign: "left", whiteSpace: "nowrap" } },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  ref: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: "none" },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

const PREVIEW_ROWS = 8;

function ResultView({ spec, args, snapshot }: { spec: FunctionSpec; args: string[]; snapshot: DataSnapshot }) {
  const cls = useStyles();
  const read = useMemo(() => args.map(readArg), [args]);
  const refs = read.flatMap((a) => (a.kind === "ref" ? [a.ref] : []));
  const answer = useMemo(() => {
    if (read.some((a) => a.kind === "ref")) return null; // the pane cannot read workbook cells
    try {
      return spec.impl(snapshot.index, snapshot.origin, read.map((a) => (a.kind === "text" ? a.text : null)));
    } catch (e) {
      return { error: "invalid_value" as const, message: `unexpected error: ${e instanceof Error ? e.message : String(e)}` };
    }
  }, [spec, read, snapshot]);
  if (answer === null) {
    return (
      <div className={cls.result} data-testid="fn-result">
        <Text>
          In Excel the function reads {refs.length === 1 ? "the cell" : "the cells"} {refs.join(", ")}, so its answer shows there.
          To mean the text itself, type it in quotes (&quot;{refs[0]}&quot;).
        </Text>
      </div>
    );
  }
  if (isAnswerError(answer)) {
    return (
      <div className={cls.result} data-testid="fn-result">
        <Text className={cls.error}>{answer.error === "not_available" ? "#N/A" : "#VALUE!"}: {answer.message}</Text>
      </div>
    );
  }
  const v = answer.value;
  if (Array.isArray(v)) {
    const [head, ...body] = v;
    // The table scrolls sideways: a focusable, named region, so the keyboard can scroll it too.
    return (
      <div className={cls.result} data-testid="fn-result" tabIndex={0} role="region" aria-label="Answer preview (scrolls)">
        <table className={cls.table}>
          <thead><tr>{head.map((h, i) => <th key={i} scope="col">{String(h)}</th>)}</tr></thead>
          <tbody>
            {body.slice(0, PREVIEW_ROWS).map((row, i) => (
              <tr key={i}>{row.map((c, j) => <td key={j}>{String(c)}</td>)}</tr>
            ))}
          </tbody>
        </table>
        <Text size={200}>{body.length} rows{body.length > PREVIEW_ROWS ? ` (first ${PREVIEW_ROWS} shown)` : ""}; the formula spills them below the cell.</Text>
      </div>
    );
  }
  const shown = spec.result === "date" && typeof v === "number" ? `${v} (${serialToIso(v)}, format the cell as a date)` : String(v);
  // A qualified figure is a bound: say so beside the number, as the preview grid does.
  const called = read.map((a) => (a.kind === "text" ? a.text : null));
  const bound = typeof v === "number" ? boundOfAnswer(snapshot.index, snapshot.origin, spec, called) : undefined;
  // The card the cell carries where Excel shows data types: the same object the custom function returns.
  const card = cardOfAnswer(spec.name, called, answer, snapshot.index.dataset);
  return (
    <div className={cls.result} data-testid="fn-result">
      <Text weight="semibold">{shown}</Text>
      {bound && (
        <Text block size={200} data-testid="fn-bound">
          The source says &ldquo;{bound.figure}&rdquo;: a bound, not a value. Set exact to TRUE to refuse bounds.
        </Text>
      )}
      {card && <CardPreview card={card} />}
    </div>
  );
}

export default function FunctionsTab({ mode, snapshot }: { mode: PaneMode; snapshot: DataSnapshot }) {
  const cls = useStyles();
  const [name, setName] = useState(FUNCTION_SPECS[0].name);
  const spec = FUNCTION_SPECS.find((f) => f.name === name) ?? FUNCTION_SPECS[0];
  const [argsByFn, setArgsByFn] = useState<Record<string, string[]>>({});
  const args = argsByFn[spec.name] ?? spec.params.map(() => "");
  // Functional updates: Fluent's combobox can report a change and a selection in one event, and each must
  // see the other's result (a stale copy once let a cleared selection wipe the text just typed).
  const setArg = (i: number, v: string) =>
    setArgsByFn((prev) => {
      const cur = prev[spec.name] ?? spec.params.map(() => "");
      return { ...prev, [spec.name]: cur.map((a, j) => (j === i ? v : a)) };
    });
  const formula = buildFormula(spec.name, args);
  const [status, setStatus] = useState("");

  const nameOptions = (query: string) => {
    return snapshot.index.searchSubjects(query).slice(0, 40);
  };

  const insert = async () => {
    try {
      await Excel.run(async (ctx) => {
        const cell = ctx.workbook.getActiveCell();
        cell.formulas = [[formula]];
        cell.load("address");
        await ctx.sync();
        setStatus(`Inserted in ${cell.address}.`);
      });
    } catch (e) {
      setStatus(`Excel did not accept the formula: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(formula);
      setStatus("Formula copied.");
    } catch {
      setStatus("The browser refused clipboard access: select the formula and copy it.");
    }
  };

  return (
    <div className={cls.root}>
      <section className={cls.builder} aria-label="Function builder">
        <Field label="Function">
          <Dropdown value={`MG.${spec.name}`} selectedOptions={[spec.name]} onOptionSelect={(_, d) => d.optionValue && setName(d.optionValue)}>
            {FUNCTION_SPECS.map((f) => <Option key={f.name} value={f.name} text={`MG.${f.name}`}>{`MG.${f.name}`}</Option>)}
          </Dropdown>
        </Field>
        <Text size={200}>{spec.description}</Text>
        {spec.params.map((p, i) => (
          <Field key={`${spec.name}-${p.name}`} label={`${p.name}${p.optional ? " (optional)" : ""}`} hint={p.description}>
            {p.name === "subject" ? (
              <Combobox
                freeform
                value={args[i]}
                // The box's text is the argument: a name counts as picked only while the text is that name,
                // so typing over a pick never leaves the old pick (or nothing) in the formula.
                selectedOptions={nameOptions(args[i]).some((e) => e.name === args[i]) ? [args[i]] : []}
                placeholder="Type to search names"
                onChange={(e) => setArg(i, e.target.value)}
                // A selection cleared by typing (optionText undefined) keeps the typed text.
                onOptionSelect={(_, d) => { if (d.optionText !== undefined) setArg(i, d.optionText); }}
              >
                {nameOptions(args[i]).map((e) => <Option key={e.key} value={e.name} text={e.name}>{`${e.name} (${e.records.length})`}</Option>)}
              </Combobox>
            ) : p.name === "kind" ? (
              <Dropdown value={args[i]} selectedOptions={[args[i]]} placeholder="Any kind" onOptionSelect={(_, d) => setArg(i, d.optionValue ?? "")}>
                <Option value="" text="">(any)</Option>
                {RECORD_KINDS.map((k) => <Option key={k} value={k}>{k}</Option>)}
              </Dropdown>
            ) : (
              <Input value={args[i]} onChange={(_, d) => setArg(i, d.value)} />
            )}
          </Field>
        ))}
        <Text as="p" className={cls.formula} aria-label="Formula" data-testid="fn-formula">{formula}</Text>
        <ResultView spec={spec} args={args} snapshot={snapshot} />
        <div className={cls.actions}>
          {mode === "excel" ? (
            <Button appearance="primary" onClick={() => void insert()}>Insert in active cell</Button>
          ) : (
            <Button appearance="primary" onClick={() => void copy()}>Copy formula</Button>
          )}
          <Text size={200} role="status" aria-live="polite">{status}</Text>
        </div>
      </section>
      <section aria-labelledby="fn-ref-title">
        <Text as="h2" id="fn-ref-title" weight="semibold" size={400}>Reference</Text>
        <ul className={cls.ref}>
          {FUNCTION_SPECS.map((f) => (
            <li key={f.name}>
              <Text weight="semibold" className={cls.code}>
                MG.{f.name}({f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})
              </Text>
              <br />
              <Text size={200}>{f.description}</Text>
              <br />
              <Text size={200} className={cls.code}>{f.example}</Text>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
