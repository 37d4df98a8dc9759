/**
 * Reading a generateContent body the way Gemini does: camelCase or snake_case names, and an unknown
 * field is an error (so a misspelt option fails here as it would against the real API, instead of being
 * silently ignored). Written independently of the client's types on purpose: the simulator checks the
 * client, it must not share its mistakes.
 */

export type ImageRef =
  | { source: 'inline'; mimeType: string; base64: string; path: string }
  | { source: 'file'; mimeType?: string; uri: string; path: string };

export interface ParsedGenerateRequest {
  /** Every text part and the system instruction, in order, one per line. */
  prompt: string;
  images: ImageRef[];
  /** From responseModalities; undefined when the request does not say. */
  modalities?: string[];
  aspectRatio?: string;
  responseMimeType?: string;
  /** responseJsonSchema, or the OpenAPI-style responseSchema. */
  schema?: unknown;
  includeThoughts: boolean;
}

export class RequestError extends Error {}

type Json = Record<string, unknown>;

const TOP_LEVEL = [
  'contents',
  'systemInstruction',
  'generationConfig',
  'safetySettings',
  'tools',
  'toolConfig',
  'cachedContent',
];
const CONTENT = ['role', 'parts'];
const PART = [
  'text',
  'inlineData',
  'fileData',
  'thought',
  'thoughtSignature',
  'functionCall',
  'functionResponse',
  'executableCode',
  'codeExecutionResult',
  'videoMetadata',
  'mediaResolution',
];
const BLOB = ['mimeType', 'data'];
const FILE_DATA = ['mimeType', 'fileUri'];
const GENERATION_CONFIG = [
  'stopSequences',
  'responseMimeType',
  'responseSchema',
  'responseJsonSchema',
  'responseModalities',
  'candidateCount',
  'maxOutputTokens',
  'temperature',
  'topP',
  'topK',
  'seed',
  'presencePenalty',
  'frequencyPenalty',
  'responseLogprobs',
  'logprobs',
  'enableEnhancedCivicAnswers',
  'speechConfig',
  'thinkingConfig',
  'imageConfig',
  'mediaResolution',
];
const IMAGE_CONFIG = ['aspectRatio', 'imageSize'];
const THINKING_CONFIG = ['thinkingBudget', 'includeThoughts', 'thinkingLevel'];

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Checks the object's field names against the known ones and returns a camelCase view of it. */
function fields(value: unknown, known: readonly string[], path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RequestError(`Invalid value at '${path}', expected an object.`);
  }
  const byName = new Map<string, string>();
  for (const name of known) {
    byName.set(name, name);
    byName.set(snake(name), name);
  }
  const out: Json = {};
  for (const [name, field] of Object.entries(value)) {
    const camel = byName.get(name);
    if (!camel) {
      throw new RequestError(
        `Invalid JSON payload received. Unknown name "${name}" at '${path}': Cannot find field.`,
      );
    }
    out[camel] = field;
  }
  return out;
}

function list(value: unknown, path: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new RequestError(`Invalid value at '${path}', expected a list.`);
  return value;
}

function text(value: unknown, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new RequestError(`Invalid value at '${path}' (TYPE_STRING), ${JSON.stringify(value)}`);
  return value;
}

export function parseGenerateRequest(bodyText: string): ParsedGenerateRequest {
  let raw: unknown;
  try {
    raw = JSON.parse(bodyText);
  } catch {
    throw new RequestError('Invalid JSON payload received. Unexpected token.');
  }
  const body = fields(raw, TOP_LEVEL, '');
  const prompt: string[] = [];
  const images: ImageRef[] = [];

  const readContent = (content: unknown, path: string) => {
    const fieldsOfContent = fields(content, CONTENT, path);
    list(fieldsOfContent.parts, `${path}.parts`).forEach((part, index) => {
      const partPath = `${path}.parts[${index}]`;
      const p = fields(part, PART, partPath);
      if (p.thought === true) return;
      const partText = text(p.text, `${partPath}.text`);
      if (partText !== undefined) prompt.push(partText);
      if (p.inlineData !== undefined) {
        const blob = fields(p.inlineData, BLOB, `${partPath}.inline_data`);
        const mimeType = text(blob.mimeType, `${partPath}.inline_data.mime_type`) ?? '';
        const data = text(blob.data, `${partPath}.inline_data.data`) ?? '';
        images.push({ source: 'inline', mimeType, base64: data, path: `${partPath}.inline_data.data` });
      }
      if (p.fileData !== undefined) {
        const file = fields(p.fileData, FILE_DATA, `${partPath}.file_data`);
        const uri = text(file.fileUri, `${partPath}.file_data.file_uri`) ?? '';
        images.push({
          source: 'file',
          mimeType: text(file.mimeType, `${partPath}.file_data.mime_type`),
          uri,
          path: partPath,
        });
      }
    });
  };

  const contents = list(body.contents, 'contents');
  if (contents.length === 0)
    throw new RequestError('* GenerateContentRequest.contents: contents is not specified\n');
  if (body.systemInstruction !== undefined) readContent(body.systemInstruction, 'system_instruction');
  contents.forEach((content, index) => readContent(content, `contents[${index}]`));

  const config =
    body.generationConfig === undefined
      ? {}
      : fields(body.generationConfig, GENERATION_CONFIG, 'generation_config');
  const imageConfig =
    config.imageConfig === undefined
      ? {}
      : fields(config.imageConfig, IMAGE_CONFIG, 'generation_config.image_config');
  const thinking =
    config.thinkingConfig === undefined
      ? {}
      : fields(config.thinkingConfig, THINKING_CONFIG, 'generation_config.thinking_config');
  const modalities =
    config.responseModalities === undefined
      ? undefined
      : list(config.responseModalities, 'generation_config.response_modalities').map((m) =>
          String(m).toUpperCase(),
        );

  return {
    prompt: prompt.join('\n'),
    images,
    modalities,
    aspectRatio: text(imageConfig.aspectRatio, 'generation_config.image_config.aspect_ratio'),
    responseMimeType: text(config.responseMimeType, 'generation_config.response_mime_type'),
    schema: config.responseJsonSchema ?? config.responseSchema,
    includeThoughts: thinking.includeThoughts === true,
  };
}
