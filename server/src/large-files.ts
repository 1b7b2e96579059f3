import * as l10n from '@vscode/l10n';
import type { LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { MAX_SOURCE_BYTES } from '../../language/src/documents.js';

/**
 * Near the file-size limit (10 MB) the editor analyses less and says so once per file. A list of
 * 100,000 items parses into a syntax tree of about 900 MB; the full semantic tokens (1.6 million
 * of them) and an outline with every item added 220 MB and 4 s on top, past the 1 GB the server
 * keeps to. Above this size those two are left out: the TextMate grammar still colours the text,
 * and the outline lists categories, groups and entries. So are the conformance findings worked
 * out as typing pauses (conformance-source.ts): their check ran four seconds in one stretch on
 * 9.9 MB, the server deaf meanwhile. Diagnostics, hovers and navigation are unchanged. Lists up to
 * ten WA editions in size (7 MB) are not affected.
 */
export const REDUCED_ANALYSIS_BYTES = 8 * 1024 * 1024;

export class LargeFiles {
    private readonly told = new Set<string>();

    constructor(private readonly shared: LangiumSharedServices) {}

    /** Whether `document` is analysed less; the first time for a file, the user is told what is left out. */
    reduced(document: LangiumDocument): boolean {
        const size = document.textDocument.getText().length;
        if (size <= REDUCED_ANALYSIS_BYTES) return false;
        const uri = document.uri.toString();
        if (!this.told.has(uri)) {
            this.told.add(uri);
            const name = document.uri.path.split('/').pop();
            // A notification (window/showMessage): nothing to answer, and no client that cannot show it fails.
            void this.shared.lsp.Connection?.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message:
                l10n.t('{0} is {1} MB: above {2} MB (of the {3} MB CLD reads) the outline lists entries without their items, semantic highlighting is off and conformance with the WA edition is not checked as you type (Check Conformance and cld conformance still check it), to keep the editor responsive. Diagnostics, hovers and navigation work as usual.',
                    name ?? '', (size / 1048576).toFixed(1), REDUCED_ANALYSIS_BYTES / 1048576, MAX_SOURCE_BYTES / 1048576) });
        }
        return true;
    }
}
