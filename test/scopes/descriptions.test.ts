import * as fs from 'node:fs';
import * as path from 'node:path';
import { DefaultAstNodeDescriptionProvider, DefaultReferenceDescriptionProvider, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import { namedNodes } from '../../language/src/named-nodes.js';

// The index's descriptions work out their places when asked (scope-computation.ts,
// reference-descriptions.ts: they were most of the index's memory at the size limit). What they
// answer must be what Langium's own descriptions say, also after an edit has moved the nodes.
const examples = path.resolve(__dirname, '..', '..', 'examples');

async function built(file: string, text = fs.readFileSync(file, 'utf8')) {
    const { shared, Cld } = createCldCoreServices();
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: false });
    return { shared, Cld, document };
}

const plainReference = (d: { sourceUri: URI; sourcePath: string; targetUri: URI; targetPath: string; segment: unknown; local?: boolean }) =>
    ({ sourceUri: d.sourceUri.toString(), sourcePath: d.sourcePath, targetUri: d.targetUri.toString(), targetPath: d.targetPath, segment: d.segment, local: d.local });

describe('descriptions worked out when asked', () => {
    for (const file of [path.join(examples, 'examplia', 'examplia-2025.cld'), path.join(examples, 'errors', 'diagnostics-demo.cld')]) {
        test(`${path.basename(file)}: the references index says what Langium's would`, async () => {
            const { Cld, document } = await built(file);
            const ours = await Cld.workspace.ReferenceDescriptionProvider.createDescriptions(document);
            const langiums = await new DefaultReferenceDescriptionProvider(Cld).createDescriptions(document);
            expect(ours.length).toBeGreaterThan(5);
            expect(ours.map(plainReference)).toEqual(langiums.map(plainReference));
        });

        test(`${path.basename(file)}: every exported name says what Langium's description would`, async () => {
            const { Cld, document } = await built(file);
            const ours = await Cld.references.ScopeComputation.collectExportedSymbols(document);
            const langium = new DefaultAstNodeDescriptionProvider(Cld);
            const named = namedNodes(document.parseResult.value);
            expect(ours.length).toBe(named.length);
            const plain = (d: { name: string; type: string; path: string; nameSegment?: unknown; selectionSegment?: unknown; documentUri: URI }) =>
                ({ name: d.name, type: d.type, path: d.path, nameSegment: d.nameSegment, selectionSegment: d.selectionSegment, uri: d.documentUri.toString() });
            expect(ours.map(plain)).toEqual(named.map(([name, node]) => plain(langium.createDescription(node, name, document))));
        });
    }
});
