/**
 * Structured output for the analysis and copy calls: ask Gemini for JSON matching a schema, then check
 * the answer anyway, since the schema guides the model but does not guarantee the result.
 */
import type { z } from 'zod';
import type { GenerationConfig, JsonSchema } from './content';
import { badOutputFailure, type GeminiOutcome } from './failure';
import { answerText, readGenerateContent } from './generate';
import type { HttpResult } from './http';
import type { GenerateContentResponse } from './schemas';

const ISSUES_SHOWN = 3;

export function jsonOutputConfig(schema: JsonSchema): GenerationConfig {
  return { responseMimeType: 'application/json', responseJsonSchema: schema };
}

export function readJsonOutput<S extends z.ZodType>(
  result: HttpResult,
  now: number,
  schema: S,
): GeminiOutcome<{ value: z.output<S>; response: GenerateContentResponse }> {
  const read = readGenerateContent(result, now);
  if (read.kind !== 'ok') return read;
  const parsed = parseJsonOutput(read.response, schema);
  if (parsed.kind !== 'ok') return parsed;
  return { kind: 'ok', value: parsed.value, response: read.response };
}

/** The checking half alone, for a response already read. */
export function parseJsonOutput<S extends z.ZodType>(
  response: GenerateContentResponse,
  schema: S,
): GeminiOutcome<{ value: z.output<S> }> {
  const cutOff = response.candidates?.[0]?.finishReason === 'MAX_TOKENS';
  const text = stripCodeFence(answerText(response));
  if (!text) {
    return badOutputFailure(
      'Gemini sent an empty answer. It will be tried again.',
      `finishReason ${response.candidates?.[0]?.finishReason ?? 'none'}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return badOutputFailure(
      cutOff
        ? "Gemini's answer was cut off before it was complete. It will be tried again."
        : "Gemini's answer was not valid JSON. It will be tried again.",
      `${reason}; answer starts: ${text.slice(0, 80)}`,
    );
  }
  const checked = schema.safeParse(json);
  if (!checked.success) {
    return badOutputFailure(
      "Gemini's answer was missing something or had the wrong shape. It will be tried again.",
      describeIssues(checked.error.issues),
    );
  }
  return { kind: 'ok', value: checked.data };
}

/** Models asked for JSON sometimes still wrap it in a Markdown fence. */
function stripCodeFence(text: string): string {
  const trimmed = text.trim();
  const fenced = /^```(?:json)?\s*([\s\S]*?)\s*```$/i.exec(trimmed);
  return fenced?.[1] ?? trimmed;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, ISSUES_SHOWN).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = issues.length > ISSUES_SHOWN ? ` (and ${issues.length - ISSUES_SHOWN} more)` : '';
  return shown.join('; ') + more;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(answer)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
