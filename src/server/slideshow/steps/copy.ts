/**
 * `copy:tK`: new slide texts and a caption for text variation K, from the analysis and the product
 * description (text only, checked JSON). Each variation gets its own angle (prompts.ts), so the
 * variations of one slideshow read clearly differently.
 */
import { jsonOutputConfig, readJsonOutput, textPart } from '../../gemini';
import { fail, geminiFailure } from '../failures';
import { gemini } from '../gemini-io';
import { asResult } from '../http';
import { jobSettingsOf, textRateKey } from '../job-settings';
import { ANALYSIS, SOURCE_ITEMS } from '../plan';
import { copyPrompt } from '../prompts';
import { AnalysisResultSchema, firstResult, resultOf, SourceResultSchema } from '../results';
import { CopySchema, copyJsonSchema } from '../schemas';
import { apiKey } from '../secrets';
import { carryOf, response, send, type Step } from './common';

export const copyStep: Step = (item, context, previous) => {
  const key = apiKey(context);
  if (typeof key !== 'string') return key;
  const settings = jobSettingsOf(context.meta);
  const { analysis } = resultOf(context, ANALYSIS, AnalysisResultSchema);
  const variation = Number((item.input as { text: number }).text);
  if (!previous) {
    const source = firstResult(context, SOURCE_ITEMS, SourceResultSchema);
    const prompt = copyPrompt({
      variation,
      variations: context.row.textVariations,
      description: context.row.description,
      analysis,
      caption: source.caption,
    });
    const body = {
      contents: [{ role: 'user' as const, parts: [textPart(prompt)] }],
      generationConfig: { ...jsonOutputConfig(copyJsonSchema()), temperature: 0.9 },
    };
    return send([gemini.generate(key, settings.textModel, body)], { sentAt: Date.now() });
  }
  const read = readJsonOutput(asResult(response(previous)), context.now, CopySchema);
  if (read.kind !== 'ok') return fail(geminiFailure(read, textRateKey(settings)));
  const copy = read.value;
  if (copy.slides.length !== analysis.slides.length) {
    return fail({
      kind: 'retry',
      message: `Gemini wrote texts for ${copy.slides.length} slides instead of ${analysis.slides.length}. It will be tried again.`,
    });
  }
  const slides = copy.slides.map((slide, index) => ({ ...slide, index }));
  const hashtags = copy.hashtags.map((tag) => tag.replace(/^#+/, '').trim()).filter((tag) => tag !== '');
  const { sentAt } = carryOf<{ sentAt: number }>(previous);
  return {
    kind: 'done',
    result: { copy: { ...copy, slides, hashtags }, at: context.now, ms: Date.now() - sentAt },
    event: `wrote text variation ${variation}`,
  };
};
