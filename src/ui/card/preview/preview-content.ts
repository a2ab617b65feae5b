/**
 * Content script of the card preview extension (see screenshots.ts): opens the card on the page's
 * `[data-gc-preview]` element, with the card kind, language and opening path taken from the page's query.
 */
import { BALLOTS, incidentModel, summaryModel } from '../card-fixtures';
import { createCardHost } from '../card-host';
import { createCardUi } from '../card-ui';

const target = document.querySelector<HTMLElement>('[data-gc-preview]');
if (target) {
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang') === 'he' ? 'he' : 'en';
  const text = target.textContent ?? '';
  const why = { rule: 'claim' as const, variant: text, score: 0.92, lang: /[\u0590-\u05ff]/.test(text) ? ('he' as const) : ('en' as const) };
  const kind = params.get('card');
  const model =
    kind === 'summary'
      ? summaryModel({ lang, text })
      : kind === 'chatbot'
        ? incidentModel({ lang, text, why, incident: BALLOTS })
        : incidentModel({ lang, text, why });
  const anchor = document.createRange();
  anchor.selectNodeContents(target);
  const cards = createCardHost({
    document,
    signal: new AbortController().signal,
    onDismiss: (m) => console.info('gc-preview dismissed', m.findingId),
  });
  cards.open(model, anchor, params.get('via') === 'keyboard' ? 'keyboard' : 'pointer', createCardUi);
}
