import { catalogText } from "../i18n/diagnostics.ts";
import { type MessageRef, renderMessage } from "../i18n/messages.ts";
import { fieldName } from "../load/positions.ts";
import type { UnLanguage } from "../vocab.ts";
import type { Rule } from "./rule.ts";
import { activityValues, profileValues } from "./values.ts";

const PARTIAL_DATE = /^([12]\d{3})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** Starts further ahead than this are implausible even for planned work. */
const MAX_YEARS_AHEAD_START = 10;
const MAX_YEARS_AHEAD_END = 50;

/** Partial ISO dates that exist, in order, and not implausibly in the future. */
export const dates: Rule = {
  id: "dates",
  description:
    "Dates are partial ISO dates (2019, 2019-06, 2019-06-30) that exist; start is not after end; a start in the future needs status planned; no date is implausibly far ahead; sources are not accessed, and entries not confirmed, in the future.",
  check(dataset, report) {
    const today = dataset.now.toISOString().slice(0, 10);
    const year = dataset.now.getUTCFullYear();
    for (const { file, value, positions } of [...activityValues(dataset), ...profileValues(dataset)]) {
      const at = (pointer: string, message: MessageRef, hint?: MessageRef, severity: "error" | "warning" = "error") =>
        report({ file, ...positions.valueAt(pointer), severity, ...catalogText(message, hint) });
      const valid = new Map<string, string>();
      const datePointers: string[] = ["/start", "/end", "/provenance/confirmedOn"];
      (Array.isArray(value.links) ? value.links : []).forEach((_, index) => {
        datePointers.push(`/links/${index}/accessed`);
      });
      for (const pointer of datePointers) {
        const written = pick(value, pointer);
        if (typeof written !== "string") continue;
        const problem = dateProblemRef(written);
        if (problem) {
          const suggestion = isoSuggestion(written);
          at(
            pointer,
            { key: "dates.invalid", values: { field: fieldName(pointer), written, problem } },
            suggestion ? { key: "dates.writeAs", values: { suggestion } } : { key: "dates.forms" },
          );
        } else valid.set(pointer, written);
      }
      const start = valid.get("/start");
      const end = valid.get("/end");
      if (start && end && compareAtPrecision(end, start) < 0) {
        at("/end", { key: "dates.endBeforeStart", values: { start, end } }, { key: "dates.checkSource" });
      }
      if (start) {
        if (Number(start.slice(0, 4)) > year + MAX_YEARS_AHEAD_START) {
          at("/start", { key: "dates.startFarAhead", values: { start } });
        } else if (compareAtPrecision(start, today) > 0 && value.status !== "planned") {
          at(
            "/start",
            value.status === undefined
              ? { key: "dates.futureStartNoStatus", values: { start } }
              : { key: "dates.futureStart", values: { start, status: String(value.status) } },
            { key: "dates.usePlanned" },
          );
        }
      }
      if (end && Number(end.slice(0, 4)) > year + MAX_YEARS_AHEAD_END) at("/end", { key: "dates.endFarAhead", values: { end } });
      if (end && value.status === "completed" && compareAtPrecision(end, today) > 0) {
        at("/end", { key: "dates.completedInFuture", values: { end } }, { key: "dates.useActive" }, "warning");
      }
      for (const [pointer, accessed] of valid) {
        if (pointer === "/provenance/confirmedOn" && compareAtPrecision(accessed, today) > 0) {
          at(pointer, { key: "dates.confirmedInFuture", values: { date: accessed } });
        }
        if (pointer.endsWith("/accessed") && compareAtPrecision(accessed, today) > 0) {
          at(pointer, { key: "dates.accessedInFuture", values: { field: fieldName(pointer), date: accessed } });
        }
      }
    }
  },
};

/** Why a partial date is not a real one, in `lang` ("has no month 13."), or undefined when it is. */
export function dateProblem(written: string, lang: UnLanguage = "en"): string | undefined {
  const problem = dateProblemRef(written);
  return problem ? renderMessage(lang, problem) : undefined;
}

/** Why a partial date is not a real one, as a catalog phrase for any language, or undefined when it is. */
export function dateProblemRef(written: string): MessageRef | undefined {
  const match = PARTIAL_DATE.exec(written);
  if (!match) return { key: "dates.notADate" };
  const [, year, month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return { key: "dates.noSuchMonth", values: { month } };
  if (day !== undefined) {
    const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    if (Number(day) < 1 || Number(day) > days) return { key: "dates.noSuchDay", values: { month: `${year}-${month}`, days } };
  }
  return undefined;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * The ISO form of a date written another way, when it is unambiguous: with an English
 * month name ("4 Aug 2015", "August 2015") or year first ("2015/08/04", "2015.8.4").
 * Day-month-year in digits (04/08/2015) is left alone: it reads differently around the world.
 */
export function isoSuggestion(written: string): string | undefined {
  const text = written.trim().toLowerCase();
  const yearFirst = /^([12]\d{3})[-./ ](\d{1,2})(?:[-./ ](\d{1,2}))?$/.exec(text);
  const named = /^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([a-z]{3})[a-z]*\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?([12]\d{3})$/.exec(text);
  let candidate: string | undefined;
  if (yearFirst) {
    const [, year, month, day] = yearFirst;
    candidate = [year, month?.padStart(2, "0"), day?.padStart(2, "0")].filter(Boolean).join("-");
  } else if (named) {
    const [, dayBefore, monthName, dayAfter, year] = named;
    const month = MONTHS.indexOf(monthName ?? "") + 1;
    const day = dayBefore ?? dayAfter;
    if (month > 0) candidate = [year, String(month).padStart(2, "0"), day?.padStart(2, "0")].filter(Boolean).join("-");
  }
  return candidate && !dateProblem(candidate) ? candidate : undefined;
}

/** Compares two partial dates at the precision they share: 2019 and 2019-06 are equal. */
export function compareAtPrecision(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  const left = a.slice(0, length);
  const right = b.slice(0, length);
  return left < right ? -1 : left > right ? 1 : 0;
}

function pick(value: Record<string, unknown>, pointer: string): unknown {
  let current: unknown = value;
  for (const segment of pointer.slice(1).split("/")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
