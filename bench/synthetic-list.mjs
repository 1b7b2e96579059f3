// A synthetic CLD list for the benchmarks: `entries` entries spread over the nine categories,
// each with nested items and thresholds (five items an entry). Up to 999 entries a category are
// numbered as ECCNs (1A001); more, in the WA's numbering (1.A.1234), which has no such limit.

/** The list's text. */
export function syntheticList(entries) {
    const perCategory = Math.ceil(entries / 9);
    const wassenaar = perCategory > 99;
    const lines = ['list "Synthetic benchmark list"', `numbering ${wassenaar ? 'wassenaar' : 'eccn'}`, 'implements wassenaar "WA-LIST (21) 1"',
        'parameter wavelength: length unit nm "Wavelength"', 'parameter frequency: frequency unit GHz "Frequency"'];
    for (let cat = 1; cat <= 9; cat++) {
        lines.push(`category ${cat} "Category ${cat}" {`, '    group A "Systems, equipment and components" {');
        for (let n = 1; n <= perCategory && (cat - 1) * perCategory + n <= entries; n++) {
            const code = wassenaar ? `${cat}.A.${n}` : `${cat}A${String(n).padStart(3, '0')}`;
            lines.push(`        entry ${code} "Equipment ${n}" tier dual-use {`,
                `            item a "Wavelength shorter than ${n} nm" { wavelength < ${n} nm }`,
                `            item b "Frequency from 1 to ${n + 1} GHz" any-of {`,
                `                item 1 "Sub-item one" { frequency from 1 GHz to ${n + 1} GHz }`,
                `                item 2 "Sub-item two" { wavelength >= 350 nm }`,
                `                see ${code}.a`,
                '            }',
                '        }');
        }
        lines.push('    }', '}');
    }
    return lines.join('\n') + '\n';
}
