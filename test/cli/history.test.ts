import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { syntheticList } from '../../bench/synthetic-list.mjs';
import { cld, repositoryRoot } from './run-cld.js';

const series = join(repositoryRoot, 'examples', 'wa-series');
let cache: string;
let scratch: string;

beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'cld-history-'));
    cache = join(scratch, 'cache');
    process.env.CLD_CACHE_DIR = cache;
});
afterAll(() => {
    delete process.env.CLD_CACHE_DIR;
    rmSync(scratch, { recursive: true, force: true });
});

describe('cld history', () => {
    test('prints the lineage of an item, renumbering followed, and keeps an index in the cache folder', () => {
        const result = cld('history', '3.A.1.a.3', '--precedents', series);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('renumbered 3.A.1.a.2 -> 3.A.1.a.3');
        expect(readdirSync(cache).filter(f => f.startsWith('precedents-'))).toHaveLength(1);
        // The second run reads the index: same output.
        expect(cld('history', '3.A.1.a.3', '--precedents', series).stdout).toBe(result.stdout);
    });

    test('the index names files relative to the folder: the same editions copied elsewhere point at the copies', () => {
        const copy = join(scratch, 'copy');
        cpSync(series, copy, { recursive: true });
        const json = JSON.parse(cld('history', '4.A.3.a', '--precedents', copy, '--format', 'json').stdout);
        expect(json.versions).toHaveLength(3);
        const index = readdirSync(cache).find(f => f.startsWith('precedents-'))!;
        // JSON Lines: a header, then the editions, then the steps between them.
        const [header, ...rest] = readFileSync(join(cache, index), 'utf8').trimEnd().split('\n').map(line => JSON.parse(line));
        const editions = rest.slice(0, header.editions);
        expect(editions.map((e: { file: string }) => e.file).sort()).toEqual(readdirSync(series).filter(f => f.endsWith('.cld')).sort());
    });

    test('json and md formats; an ECCN code is read as its WA code', () => {
        const json = JSON.parse(cld('history', '4A003.a', '--precedents', series, '--format', 'json').stdout);
        expect(json.changes.filter((c: { kind: string }) => c.kind === 'threshold').map((c: { to: string }) => c.to)).toEqual(['> 8 WT', '> 29 WT']);
        expect(cld('history', '4.A.3.a', '--precedents', series, '--format', 'md').stdout).toMatch(/^- 4\.A\.3\.a: app, relaxed, .*WA 2014$/m);
    });

    test('html: a standalone page with the chart, no script', () => {
        const html = cld('history', '4.A.3.a', '--precedents', series, '--format', 'html').stdout;
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html.match(/<line class="step"/g)).toHaveLength(3);
        expect(html).not.toContain('<script');
        expect(html).toMatch(/content="default-src 'none'; style-src 'nonce-[\w-]+';"/);
    });

    test('a code in no edition: exit 1 and which editions were searched', () => {
        const result = cld('history', '9.A.1', '--precedents', series);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain('9.A.1 is in none of the 4 editions');
    });

    test('a missing folder, a bad format: exit 2 with a message', () => {
        expect(cld('history', '3.A.1', '--precedents', join(scratch, 'nowhere')).code).toBe(2);
        const bad = cld('history', '3.A.1', '--precedents', series, '--format', 'pdf');
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain("unknown format 'pdf'");
    });

    test('an edition that does not parse, two editions with one id, a corrupt index: said once each, the rest still works', () => {
        const folder = join(scratch, 'mixed');
        mkdirSync(folder);
        cpSync(series, folder, { recursive: true });
        writeFileSync(join(folder, 'broken.cld'), 'list "x" { category');
        cpSync(join(series, 'wa-series-2019.cld'), join(folder, 'wa-series-2019-copy.cld'));
        const first = cld('history', '3.A.1.a.3', '--precedents', folder);
        expect(first.code).toBe(0);
        expect(first.stderr.match(/broken\.cld:\d+:\d+: .*left out of the precedents/g)).toHaveLength(1);
        expect(first.stderr).toMatch(/edition id "WA-SERIES \(19\) 1" is also .*wa-series-2019(-copy)?\.cld; only the first is used/);
        for (const index of readdirSync(cache)) writeFileSync(join(cache, index), '{ not json');
        const again = cld('history', '3.A.1.a.3', '--precedents', folder);
        expect(again.code).toBe(0);
        expect(again.stderr).toContain('could not be read; it is built again');
        expect(again.stdout).toBe(first.stdout);
    });

    test('a file larger than any WA edition in the folder is left out, and said once', () => {
        const folder = join(scratch, 'with-a-large-list');
        mkdirSync(folder);
        cpSync(series, folder, { recursive: true });
        writeFileSync(join(folder, 'large.cld'), syntheticList(12000));
        const result = cld('history', '3.A.1.a.3', '--precedents', folder);
        expect(result.code).toBe(0);
        expect(result.stderr.match(/large\.cld: 4\.\d MB, larger than any WA edition \(precedents are read up to 4 MB\); left out of the precedents/g)).toHaveLength(1);
        expect(result.stdout).toBe(cld('history', '3.A.1.a.3', '--precedents', series).stdout);
    });
});
