/** The one host the simulated Gemini answers for (the models, generate, and Files APIs all live on it). */
export const GEMINI_HOST = 'generativelanguage.googleapis.com';
