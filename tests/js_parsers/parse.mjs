// Parse diagrams with the real Mermaid 11 and DBML parsers and print what they understood, as JSON.
// A small server, so the parsers load once per test session (loading them takes seconds):
// each stdin line is {"kind": "mermaid" | "dbml", "texts": [...]}; each reply line is a list with
// one result object per text.
import readline from 'node:readline';

let mermaid = null;
let DbmlParser = null;

// Mermaid keeps entity codes (#quot;) encoded until it draws; decode them as the drawing would.
const NAMED = { quot: '"', lt: '<', gt: '>', amp: '&', apos: "'" };
const decode = (s) => typeof s !== 'string' ? s : s
  .replace(/ﬂ°°(\d+)¶ß/g, (_, n) => String.fromCodePoint(Number(n)))
  .replace(/ﬂ°(\w+)¶ß/g, (m, name) => NAMED[name] ?? m);

async function parseMermaid(text) {
  mermaid ??= (await import('mermaid')).default;
  await mermaid.parse(text);  // throws on a syntax error; also registers the diagram types
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const entities = {};
  const byInternalId = {};
  for (const [name, e] of diagram.db.getEntities().entries()) {
    entities[name] = {
      alias: decode(e.alias),
      attributes: e.attributes.map((a) => ({ ...a, comment: decode(a.comment) })),
    };
    byInternalId[e.id] = name;
  }
  const relationships = diagram.db.getRelationships().map((r) => ({
    from: byInternalId[r.entityA], to: byInternalId[r.entityB], label: decode(r.roleA),
    // Mermaid names the right-hand marker cardA and the left-hand one cardB.
    left: r.relSpec.cardB, right: r.relSpec.cardA, type: r.relSpec.relType,
  }));
  return { entities, relationships };
}

async function parseDbml(text) {
  DbmlParser ??= (await import('@dbml/core')).Parser;
  const db = new DbmlParser().parse(text, 'dbmlv2');
  const schema = db.schemas[0] || { tables: [], refs: [] };
  const tables = schema.tables.map((t) => ({
    name: t.name, note: t.note,
    fields: t.fields.map((f) => ({
      name: f.name, type: f.type.type_name, pk: !!f.pk, not_null: !!f.not_null, unique: !!f.unique,
      increment: !!f.increment, default: f.dbdefault || null, note: f.note,
    })),
    indexes: t.indexes.map((i) => ({ columns: i.columns.map((c) => c.value), unique: !!i.unique, pk: !!i.pk, name: i.name })),
  }));
  const refs = schema.refs.map((r) => ({
    name: r.name, onDelete: r.onDelete || null, onUpdate: r.onUpdate || null,
    endpoints: r.endpoints.map((e) => ({ table: e.tableName, fields: e.fieldNames, relation: e.relation })),
  }));
  const enums = schema.enums.map((e) => ({ name: e.name, values: e.values.map((v) => v.name) }));
  return { tables, refs, enums };
}

async function parseAll(kind, texts) {
  const results = [];
  for (const text of texts) {
    try {
      results.push({ ok: true, ...(kind === 'mermaid' ? await parseMermaid(text) : await parseDbml(text)) });
    } catch (err) {
      const diags = err.diags ? err.diags.map((d) => `${d.location?.start?.line}: ${d.message}`).join('; ') : '';
      results.push({ ok: false, error: diags || String(err.message || err) });
    }
  }
  return results;
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const { kind, texts } = JSON.parse(line);
  process.stdout.write(JSON.stringify(await parseAll(kind, texts)) + '\n');
}
