// Loaded on demand (its own chunk) when someone switches to English.
import englishMessages from 'ra-language-english'
import appEn from './app-en.ts'
import mapEn from './map-en.ts'
import qualityEn from './quality-en.ts'

export default { ...englishMessages, ...appEn, map: mapEn, quality: qualityEn }
