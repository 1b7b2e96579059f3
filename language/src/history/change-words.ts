/**
 * The words a reader sees for a change's kind and a threshold's direction, in the display
 * language (@vscode/l10n: English unless the language server or the extension configured a
 * bundle). The kinds and directions themselves stay English identifiers in JSON, SARIF and CSS.
 */
import * as l10n from '@vscode/l10n';
import type { ChangeKind, Direction } from '../diff/diff.js';

export function directionWord(direction: Direction | string): string {
    switch (direction) {
        case 'tightened': return l10n.t('tightened');
        case 'relaxed': return l10n.t('relaxed');
        case 'equal': return l10n.t('equal');
        case 'incomparable': return l10n.t('incomparable');
        case 'not-read': return l10n.t('not-read');
        default: return direction;
    }
}

export function changeKindWord(kind: ChangeKind | string): string {
    switch (kind) {
        case 'added': return l10n.t('added');
        case 'removed': return l10n.t('removed');
        case 'renumbered': return l10n.t('renumbered');
        case 'reworded': return l10n.t('reworded');
        case 'threshold': return l10n.t('threshold');
        case 'tier': return l10n.t('tier');
        case 'note': return l10n.t('note');
        case 'definition': return l10n.t('definition');
        default: return kind;
    }
}
