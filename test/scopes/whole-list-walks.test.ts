import * as fs from 'node:fs';
import * as path from 'node:path';
import { OperationCancelled, URI } from 'langium';
import { expect, test } from 'vitest';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { createCldCoreServices } from '../../language/src/cld-module.js';
import type { ControlList } from '../../language/src/generated/ast.js';
import { namedNodes, namedNodesInterruptibly } from '../../language/src/named-nodes.js';
import { definitionsUsedIn } from '../../language/src/term-lookup.js';

// The two walks over a whole list that ran in one piece while a list at the size limit was first
// built (the names of its nodes: 0.4 s; the terms its texts use: 0.8 s) let other requests through
// and stop when the build is cancelled.

const services = createCldCoreServices();
const example = fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'examplia', 'examplia-2025.cld'), 'utf-8');

async function parsed(): Promise<ControlList> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<ControlList>(example, URI.parse('memory:/walks.cld'));
    return document.parseResult.value;
}

test('the names of a list, and the terms its texts use, stop at a cancelled build', async () => {
    const list = await parsed();
    const cancelled = new CancellationTokenSource();
    cancelled.cancel();
    await expect(namedNodesInterruptibly(list, cancelled.token)).rejects.toBe(OperationCancelled);
    await expect(definitionsUsedIn(list, cancelled.token)).rejects.toBe(OperationCancelled);
});

// (What the terms' walk finds is checked by the term-unused findings of the validation tests.)
test('walked in pieces, the names are those a walk in one piece finds', async () => {
    const list = await parsed();
    const named = await namedNodesInterruptibly(list, new CancellationTokenSource().token);
    expect(named.length).toBeGreaterThan(20);
    expect(named).toEqual(namedNodes(list));
});
