/**
 * Answers the content script's request for card details from the bundled incidents and the imported packs.
 * The answer is checked against the message schema before it leaves (as the content script checks it when it
 * arrives): that parse of the few incidents asked for is this boundary's check. The whole knowledge base is
 * not parsed here, so a service worker woken for a message does not pay for it (the data tests parse it).
 */
import { summaryExamplesOf } from '../data/examples';
import { bundledIncidents } from '../data/incidents';
import type { Incident } from '../data/schema';
import type { ImportedIncident } from '../data/pack';
import { IncidentDetailsSchema, type IncidentDetails, type IncidentDetailsRequest } from '../messaging/schema';

const bundledById = new Map(bundledIncidents.map((incident) => [incident.id, incident]));
const summaryExamples = summaryExamplesOf(bundledIncidents);

/** An imported incident also carries its pack's origin; the message carries the Incident only (strict schema). */
function incidentOf(imported: ImportedIncident): Incident {
  const { origin: _origin, packId: _packId, ...incident } = imported;
  return incident;
}

/**
 * Bundled incidents first (a pack cannot replace what the extension ships); packs are read only when an id is
 * not bundled. Throws when the answer would not pass the schema (the caller answers nothing then).
 */
export async function answerIncidentDetails(
  request: IncidentDetailsRequest,
  readImported: () => Promise<readonly ImportedIncident[]>,
): Promise<IncidentDetails> {
  const incidents: Incident[] = [];
  const missing = new Set<string>();
  for (const id of new Set(request.ids)) {
    const bundled = bundledById.get(id);
    if (bundled !== undefined) incidents.push(bundled);
    else missing.add(id);
  }
  if (missing.size > 0) {
    for (const incident of await readImported()) {
      if (!missing.has(incident.id)) continue;
      missing.delete(incident.id);
      incidents.push(incidentOf(incident));
    }
  }
  return IncidentDetailsSchema.parse({
    incidents,
    examples: request.examples ? summaryExamples : [],
  });
}
