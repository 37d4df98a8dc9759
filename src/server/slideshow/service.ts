/** The batch service with the slideshow job: what the entry's batch functions call. */
import { createBatchService } from '../batch/service';
import { createSlideshowBinding } from './binding';

export const slideshowBinding = createSlideshowBinding();
export const slideshowBatch = createBatchService(slideshowBinding);
