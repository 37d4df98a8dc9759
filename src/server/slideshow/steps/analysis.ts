/**
 * `analysis`: one vision call on all the original slides (by their Files API URIs), returning checked
 * JSON per slide: role, the text on it, layout, style, where the product should appear. Done once per
 * link; every copy and image of the row reuses it. If the uploads expired (a batch resumed days
 * later), or the batch sends images inline (settings.imageInputs), the slides go inline, read back
 * from the row's `source/` folder.
 */
import type { ImageInput } from '../../gemini';
import { imagePart, jsonOutputConfig, readJsonOutput, textPart } from '../../gemini';
import type { StepResult } from '../../engine/types';
import { drive, readMediaBase64 } from '../drive-io';
import { fail, geminiFailure } from '../failures';
import { gemini, isExpiredUpload } from '../gemini-io';
import { asResult } from '../http';
import { jobSettingsOf, textRateKey } from '../job-settings';
import { FILES, SLIDES, SOURCE_ITEMS } from '../plan';
import { analysisPrompt } from '../prompts';
import { FilesResultSchema, firstResult, resultOf, SlidesResultSchema, SourceResultSchema } from '../results';
import { AnalysisSchema, analysisJsonSchema } from '../schemas';
import { apiKey, oauthToken } from '../secrets';
import { carryOf, response, send, type Step } from './common';

export const analysisStep: Step = (item, context, previous) => {
  const key = apiKey(context);
  if (typeof key !== 'string') return key;
  const settings = jobSettingsOf(context.meta);
  const source = firstResult(context, SOURCE_ITEMS, SourceResultSchema);
  const { slides } = resultOf(context, SLIDES, SlidesResultSchema);
  const prompt = analysisPrompt({
    slideCount: slides.length,
    description: context.row.description,
    caption: source.caption,
  });
  const request = (images: ImageInput[]) =>
    gemini.generate(key, settings.textModel, {
      contents: [{ role: 'user', parts: [...images.map(imagePart), textPart(prompt)] }],
      generationConfig: { ...jsonOutputConfig(analysisJsonSchema()), temperature: 0.2 },
    });

  if (!previous) {
    if (settings.imageInputs === 'inline' || isExpiredUpload(item.error)) {
      const token = oauthToken(context);
      if (typeof token !== 'string') return token;
      return send(
        slides.map((slide) => drive.media(token, slide.driveFileId)),
        { phase: 'inline' },
      );
    }
    const files = resultOf(context, FILES, FilesResultSchema);
    return send([request(files.slides.map((file) => ({ mimeType: file.mimeType, fileUri: file.uri })))], {
      phase: 'answer',
      sentAt: Date.now(),
    });
  }
  const carry = carryOf<{ phase: 'inline' } | { phase: 'answer'; sentAt: number }>(previous);
  if (carry.phase === 'inline') {
    const images: ImageInput[] = [];
    for (const [index, slide] of slides.entries()) {
      const read = readMediaBase64(response(previous, index), context.now);
      if (!read.ok) return fail(read.failure);
      images.push({ mimeType: slide.mimeType, base64: read.value });
    }
    return send([request(images)], { phase: 'answer', sentAt: Date.now() });
  }
  const read = readJsonOutput(asResult(response(previous)), context.now, AnalysisSchema);
  if (read.kind !== 'ok') return fail(geminiFailure(read, textRateKey(settings)));
  const analysis = read.value;
  if (analysis.slides.length !== slides.length) {
    return fail({
      kind: 'retry',
      message: `Gemini described ${analysis.slides.length} slides instead of ${slides.length}. It will be tried again.`,
    });
  }
  // Slides are numbered by their order here, whatever numbers the model wrote.
  const ordered = analysis.slides.map((slide, index) => ({ ...slide, index }));
  const result: StepResult = {
    kind: 'done',
    result: { analysis: { ...analysis, slides: ordered }, at: context.now, ms: Date.now() - carry.sentAt },
    event: `analyzed ${slides.length} slides`,
  };
  return result;
};
