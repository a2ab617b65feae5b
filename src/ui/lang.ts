/** UI language: Hebrew when the browser's language is Hebrew, English otherwise. */
export type UiLang = 'en' | 'he';

export function uiLangFrom(languageTag: string | undefined): UiLang {
  const tag = (languageTag ?? '').toLowerCase();
  return tag === 'he' || tag.startsWith('he-') || tag === 'iw' || tag.startsWith('iw-') ? 'he' : 'en';
}

export function dirOf(lang: UiLang): 'rtl' | 'ltr' {
  return lang === 'he' ? 'rtl' : 'ltr';
}
