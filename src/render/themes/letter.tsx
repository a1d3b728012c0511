/**
 * A cover letter on one page, in the résumé's theme: its header (name, label, contacts), then the
 * date, the recipient, the subject, the greeting, the body, the closing and the name.
 */
import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { Style } from "@react-pdf/types";
import type { ReactElement, ReactNode } from "react";
import type { LetterModel } from "../../model/letter.js";
import type { FontStack } from "./stack.js";
import { documentProps, type DocumentInfo } from "./metadata.js";
import { Header, Rich } from "./primitives.js";
import { directed } from "./direction.js";
import { INHERIT_RTL, inDirection, mirror } from "./mirror.js";
import { makeStyles } from "./styles.js";
import { tagged } from "./tagging.js";
import type { ThemeTokens } from "./tokens.js";

export function LetterDocument({
  letter,
  tokens,
  fonts,
  info,
}: {
  letter: LetterModel;
  tokens: ThemeTokens;
  fonts: FontStack;
  info: DocumentInfo;
}) {
  const k = tokens;
  // A right-to-left letter is drawn mirrored, as a résumé is (mirror.ts): its lines aligned right.
  const rtl = letter.direction === "rtl";
  const m = <T extends Style>(style: T): T => (rtl ? mirror(style) : style);
  const base = inDirection(makeStyles(k, fonts), letter.direction);
  const s = rtl ? { ...base, page: { ...base.page, ...INHERIT_RTL } } : base;
  const line = k.size.body * k.leading;
  const p = { ...s.text, marginTop: line };
  const { vm } = letter;
  return (
    <Document {...documentProps(letter.metadata, info)}>
      <Page size={vm.paper === "letter" ? "LETTER" : "A4"} style={s.page} {...tagged("Document", { key: "document" })}>
        {directedIf(
          rtl,
          <>
            {/* The same header in every layout: the contacts in a row under the name. */}
            <Header vm={vm} s={s} tokens={k} contacts />
            <View style={{ marginTop: k.space.section }} {...tagged("Sect", { key: "letter" })}>
              <Text style={m({ ...s.text, textAlign: "right" })} {...tagged("P")}>
                {letter.date}
              </Text>
              {letter.to.length ? (
                <View style={{ marginTop: line }}>
                  {letter.to.map((l, i) => (
                    <Text key={i} style={s.text} {...tagged("P")}>
                      {l}
                    </Text>
                  ))}
                </View>
              ) : null}
              {letter.subject ? (
                <Text style={{ ...p, fontWeight: 700 }} {...tagged("P")}>
                  {letter.subject}
                </Text>
              ) : null}
              {letter.greeting ? (
                <Text style={p} {...tagged("P")}>
                  {letter.greeting}
                </Text>
              ) : null}
              {letter.body.map((para, i) => (
                <Text key={i} style={p} {...tagged("P")}>
                  <Rich text={para} s={s} />
                </Text>
              ))}
              <View wrap={false}>
                {letter.closing ? (
                  <Text style={p} {...tagged("P")}>
                    {letter.closing}
                  </Text>
                ) : null}
                <Text style={{ ...s.text, marginTop: letter.closing ? line * 2 : line }} {...tagged("P")}>
                  {letter.signature}
                </Text>
              </View>
            </View>
          </>,
        )}
      </Page>
    </Document>
  );
}

/** `children` with its right-to-left paragraphs set right to left when `rtl` (direction.ts). */
const directedIf = (rtl: boolean, children: ReactElement): ReactNode => (rtl ? directed(children) : children);
