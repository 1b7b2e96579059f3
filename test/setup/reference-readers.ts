import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The corpus tests check the importer against readers written apart from it: Debian's catdoc for
 * Word files and poppler's pdftotext for the 2025 PDF. As root (CI) they are installed here if
 * missing; otherwise the tests that need them skip and say why (referenceReadersMissing()).
 */
export default function setup(): void {
    const missing = [['catdoc', '/usr/bin/catdoc'], ['poppler-utils', '/usr/bin/pdftotext']].filter(([, binary]) => !existsSync(binary)).map(([pkg]) => pkg);
    if (missing.length === 0 || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return;
    console.log(`Installing the reference readers for the corpus tests: apt-get install ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, encoding: 'utf-8', timeout: 300000 });
    if (install().status !== 0) {
        spawnSync('apt-get', ['update'], { env, encoding: 'utf-8', timeout: 300000 });
        const again = install();
        if (again.status !== 0) console.warn(`apt-get could not install ${missing.join(' ')}; the tests that need them skip:\n${again.stderr.slice(-2000)}`);
    }
}
