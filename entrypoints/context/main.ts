/**
 * context.html: the story behind the extension and every known incident. Bundled incidents render at once
 * (so `context.html#<incident id>` finds its target on load); imported packs are added when storage answers
 * and whenever they change.
 */
import { browser } from 'wxt/browser';
import { knowledgeBase } from '../../src/data/index';
import type { ImportedIncident } from '../../src/data/pack';
import { packsItem, readImportedIncidents } from '../../src/settings/storage';
import { uiLangFrom } from '../../src/ui/lang';
import {
  applyContextDocument,
  renderContextPage,
  type ImportedIncidentView,
} from '../../src/ui/context/render-context-page';
import '../../src/ui/context/context.css';

const lang = uiLangFrom(browser.i18n.getUILanguage());
const app = document.getElementById('app') ?? document.body;

function render(imported: readonly ImportedIncident[]): void {
  const views: ImportedIncidentView[] = imported.map((incident) => ({ incident, origin: incident.origin.publisher }));
  app.replaceChildren(renderContextPage(document, { lang, incidents: knowledgeBase.incidents, imported: views }));
}

/** Re-applies the fragment after a re-render: the old target element is gone, and :target must follow. */
function revealTarget(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  const target = document.getElementById(id);
  if (!target) return;
  // A fragment navigation to the same URL re-resolves :target to the new element without adding history.
  location.replace(`#${encodeURIComponent(id)}`);
  target.scrollIntoView({ block: 'start', behavior: 'instant' });
}

applyContextDocument(document, lang);
render([]);

/**
 * On first load the fragment's entry is brought back into view (the re-render replaced it); on later pack
 * changes the reader stays where they are.
 */
async function loadImported(first: boolean): Promise<void> {
  try {
    const imported = await readImportedIncidents();
    if (imported.length === 0 && !app.querySelector('.gc-entry--imported')) return;
    const scrollY = window.scrollY;
    render(imported);
    if (first) revealTarget();
    else window.scrollTo({ top: scrollY, behavior: 'instant' });
  } catch (error) {
    // The bundled timeline is already on screen; a broken pack store must not take it away.
    console.debug('[grok-context] imported incidents unavailable', error);
  }
}

void loadImported(true);
packsItem.watch(() => void loadImported(false));
