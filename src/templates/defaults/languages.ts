/**
 * Every language the built-in templates are written in.
 *
 * @module
 */
import { arabicCopy } from './arabic-copy.js';
import { brazilianPortugueseCopy } from './brazilian-portuguese-copy.js';
import { dutchCopy } from './dutch-copy.js';
import { englishCopy } from './english-copy.js';
import { frenchCopy } from './french-copy.js';
import { germanCopy } from './german-copy.js';
import { hebrewCopy } from './hebrew-copy.js';
import { hindiCopy } from './hindi-copy.js';
import { indonesianCopy } from './indonesian-copy.js';
import { italianCopy } from './italian-copy.js';
import { japaneseCopy } from './japanese-copy.js';
import { koreanCopy } from './korean-copy.js';
import { polishCopy } from './polish-copy.js';
import { russianCopy } from './russian-copy.js';
import { simplifiedChineseCopy } from './simplified-chinese-copy.js';
import { spanishCopy } from './spanish-copy.js';
import { swedishCopy } from './swedish-copy.js';
import { traditionalChineseCopy } from './traditional-chinese-copy.js';
import { turkishCopy } from './turkish-copy.js';
import { vietnameseCopy } from './vietnamese-copy.js';
import type { LanguageCopy } from './template-copy.js';

/** The languages of the built-in templates: English first (the fallback, without a locale), then the others. */
export const LANGUAGES: readonly LanguageCopy[] = [
  englishCopy,
  japaneseCopy,
  simplifiedChineseCopy,
  traditionalChineseCopy,
  koreanCopy,
  spanishCopy,
  brazilianPortugueseCopy,
  frenchCopy,
  germanCopy,
  italianCopy,
  russianCopy,
  polishCopy,
  turkishCopy,
  indonesianCopy,
  vietnameseCopy,
  hindiCopy,
  arabicCopy,
  hebrewCopy,
  dutchCopy,
  swedishCopy,
];
