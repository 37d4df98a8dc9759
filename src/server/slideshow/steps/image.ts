/**
 * `image:pI:tK:sJ`: one remade slide. Gemini gets the original slide and the product photo (by their
 * Files API URIs) and the slide's new text, at the aspect ratio nearest the original; the PNG it
 * returns becomes a JPEG (Blob.getAs) unless the settings ask for PNG, and is saved as slide_J.jpg in
 * variation_V/. Saving is the last step, so a try cut short never leaves half its work behind; any try
 * after the first looks in the folder before generating, and reuses an image an earlier try saved.
 */
import { slideFileName } from '../../drive';
import type { ImageInput } from '../../gemini';
import { imageGenerationConfig, imagePart, nearestAspectRatio, readImage, textPart } from '../../gemini';
import type { EngineRequest, StepContext, StepResult } from '../../engine/types';
import { drive, pick, readList, readMediaBase64, readUpload, sizeOf } from '../drive-io';
import { fail, geminiFailure } from '../failures';
import { gemini, isExpiredUpload } from '../gemini-io';
import { asResult } from '../http';
import { imageRateKey, jobSettingsOf, type JobSettings } from '../job-settings';
import { ANALYSIS, copyId, FILES, FOLDERS, PRODUCT, SLIDES } from '../plan';
import { imagePrompt, slideText } from '../prompts';
import {
  AnalysisResultSchema,
  CopyResultSchema,
  FilesResultSchema,
  FoldersResultSchema,
  ProductResultSchema,
  resultOf,
  SlidesResultSchema,
  type ImageResult,
  type ProductResult,
} from '../results';
import { apiKey, oauthToken } from '../secrets';
import { carryOf, isFirstTry, response, send, type Step } from './common';
import { urlRequest } from './product';

interface ImageInputSpec {
  photo: number;
  text: number;
  slide: number;
  variation: number;
}

type Carry =
  | { phase: 'look' }
  /** Inputs read back from Drive: `look` when the folder is listed first, `photo` when it comes too. */
  | { phase: 'inline'; look: boolean; photo: boolean }
  | { phase: 'generated'; sentAt: number; route: 'files' | 'inline' }
  | { phase: 'uploaded'; ms: number; route: 'files' | 'inline' };

const FOLDER_WORDING = {
  notFound: "This row's variation folder in Drive disappeared while the batch ran. Retry the row.",
};

export function outputType(settings: JobSettings): {
  mimeType: 'image/jpeg' | 'image/png';
  extension: string;
} {
  return settings.outputFormat === 'png'
    ? { mimeType: 'image/png', extension: 'png' }
    : { mimeType: 'image/jpeg', extension: 'jpg' };
}

function productDownload(token: string, product: ProductResult): EngineRequest {
  return product.source.kind === 'drive'
    ? drive.media(token, product.source.fileId)
    : urlRequest(product.source.url);
}

export const imageStep: Step = (item, context, previous) => {
  const token = oauthToken(context);
  if (typeof token !== 'string') return token;
  const key = apiKey(context);
  if (typeof key !== 'string') return key;
  const input = item.input as unknown as ImageInputSpec;
  const settings = jobSettingsOf(context.meta);
  const folders = resultOf(context, FOLDERS, FoldersResultSchema);
  const { slides } = resultOf(context, SLIDES, SlidesResultSchema);
  const product = resultOf(context, PRODUCT, ProductResultSchema);
  const original = slides[input.slide];
  const folderId = folders.variationFolderIds[input.variation - 1];
  if (!original || !folderId) throw new Error(`slideshow: ${item.id} has no slide or folder`);
  const output = outputType(settings);
  const name = slideFileName(input.slide, output.extension);
  const aspectRatio = nearestAspectRatio(original.width ?? 0, original.height ?? 0);

  const generate = (slide: ImageInput, photo: ImageInput, route: 'files' | 'inline'): StepResult => {
    const { analysis } = resultOf(context, ANALYSIS, AnalysisResultSchema);
    const { copy } = resultOf(context, copyId(input.text), CopyResultSchema);
    const prompt = imagePrompt({
      slideIndex: input.slide,
      slideCount: slides.length,
      photoVariation: input.photo,
      photoVariations: context.row.photoVariations,
      description: context.row.description,
      slide: analysis.slides[input.slide] ?? {
        index: input.slide,
        role: 'other',
        text: '',
        layout: 'as in the original',
        style: 'as in the original',
        productPlacement: 'where it fits naturally',
      },
      newText: slideText(copy, analysis, input.slide),
    });
    const body = {
      contents: [{ role: 'user' as const, parts: [textPart(prompt), imagePart(slide), imagePart(photo)] }],
      generationConfig: imageGenerationConfig(aspectRatio),
    };
    return send([gemini.generate(key, settings.imageModel, body)], {
      phase: 'generated',
      sentAt: Date.now(),
      route,
    });
  };
  const productByUri = (): ImageInput => {
    if (!product.file) throw new Error(`slideshow: ${item.id} has no upload of the product photo`);
    return { mimeType: product.file.mimeType, fileUri: product.file.uri };
  };
  const byUri = (): StepResult => {
    const files = resultOf(context, FILES, FilesResultSchema);
    const slide = files.slides[input.slide];
    if (!slide) throw new Error(`slideshow: no upload for slide ${input.slide}`);
    return generate({ mimeType: slide.mimeType, fileUri: slide.uri }, productByUri(), 'files');
  };
  const found = (context: StepContext, file: { id: string; size?: string }): StepResult => {
    const result: ImageResult = {
      driveFileId: file.id,
      name,
      mimeType: output.mimeType,
      bytes: sizeOf(file),
      aspectRatio,
      at: context.now,
      ms: null,
      route: 'found',
    };
    return { kind: 'done', result: { ...result } };
  };

  if (!previous) {
    const expired = isExpiredUpload(item.error);
    if (expired || settings.imageInputs === 'inline') {
      // A first try has nothing to look for; the photo comes along unless it has an upload to name.
      const look = !isFirstTry(item);
      const photo = expired || !product.file;
      return send(
        [
          ...(look ? [drive.listChildren(token, folderId, name)] : []),
          drive.media(token, original.driveFileId),
          ...(photo ? [productDownload(token, product)] : []),
        ],
        { phase: 'inline', look, photo },
      );
    }
    if (isFirstTry(item)) return byUri();
    return send([drive.listChildren(token, folderId, name)], { phase: 'look' });
  }
  const carry = carryOf<Carry>(previous);
  switch (carry.phase) {
    case 'look': {
      const listed = readList(response(previous), context.now, FOLDER_WORDING);
      if (!listed.ok) return fail(listed.failure);
      const earlier = pick(listed.value, name);
      return earlier ? found(context, earlier) : byUri();
    }
    case 'inline': {
      let next = 0;
      if (carry.look) {
        const listed = readList(response(previous, next++), context.now, FOLDER_WORDING);
        if (!listed.ok) return fail(listed.failure);
        const earlier = pick(listed.value, name);
        if (earlier) return found(context, earlier);
      }
      const slide = readMediaBase64(response(previous, next++), context.now);
      if (!slide.ok) return fail(slide.failure);
      const slideInput: ImageInput = { mimeType: original.mimeType, base64: slide.value };
      if (!carry.photo) return generate(slideInput, productByUri(), 'inline');
      const photo = response(previous, next);
      if (photo.status < 200 || photo.status >= 300) {
        return fail({
          kind: 'retry',
          message: `The product photo could not be read again (error ${photo.status}).`,
        });
      }
      const photoType = product.mimeType ?? product.file?.mimeType ?? 'image/jpeg';
      return generate(slideInput, { mimeType: photoType, base64: photo.base64() }, 'inline');
    }
    case 'generated': {
      const read = readImage(asResult(response(previous)), context.now);
      if (read.kind !== 'ok') return fail(geminiFailure(read, imageRateKey(settings)));
      const ms = Date.now() - carry.sentAt;
      const made = read.image.mimeType.split(';')[0]?.trim() ?? 'image/png';
      const bytes =
        made === output.mimeType
          ? read.image.base64
          : context.convertImage(read.image.base64, made, output.mimeType);
      return send([drive.upload(token, { name, mimeType: output.mimeType, parentId: folderId }, bytes)], {
        phase: 'uploaded',
        ms,
        route: carry.route,
      });
    }
    case 'uploaded': {
      const uploaded = readUpload(response(previous), context.now, FOLDER_WORDING);
      if (!uploaded.ok) return fail(uploaded.failure);
      const result: ImageResult = {
        driveFileId: uploaded.value.id,
        name,
        mimeType: output.mimeType,
        bytes: sizeOf(uploaded.value),
        aspectRatio,
        at: context.now,
        ms: carry.ms,
        route: carry.route,
      };
      return { kind: 'done', result: { ...result } };
    }
  }
};
