import { describe, expect, test } from 'vitest';
import { parameterDescription, parameterName } from '../../language/src/importer/parameter-names.js';
import { leadInThresholds, parseThresholds } from '../../language/src/importer/thresholds.js';
import { readNumber } from '../../language/src/importer/quantity-reading.js';
import { measureBefore } from '../../language/src/importer/measured-words.js';

const byMeasure = (dimension: string, measure: string | undefined) => measure ?? dimension;

function read(text: string) {
    const result = parseThresholds(text, byMeasure);
    return { ...result, conditions: result.thresholds.map(t => `${t.parameter} ${t.comparator} ${t.value!.value}${t.value!.unit ? ` ${t.value!.unit}` : ''}`) };
}

describe('limits per kind of thing, each an option for its kind', () => {
    const perKind = (text: string) => parseThresholds(text, byMeasure).thresholds.map(t => `${t.either?.join('.') ?? '-'} ${t.kind ?? ''}: ${t.parameter} ${t.comparator} ${t.value!.value} ${t.value!.unit}`);
    test('ML8.b.1 (2001-2012): "more than 250 seconds for non-metallized, or more than 270 seconds for aluminized compositions"; the noun is every kind\'s', () => {
        expect(perKind('a theoretical specific impulse (under standard conditions) of more than 250 seconds for non-metallized, or more than 270 seconds for aluminized compositions;'))
            .toEqual(['1.1 non-metallized compositions: impulse > 250 s', '1.2 aluminized compositions: impulse > 270 s']);
    });
    test('ML8.b.2 (1997): the comparator said once for three limits, "and" before the last', () => {
        expect(perKind('a theoretical specific impulse of more than 230 s for non-halogenised, 250 s for non-metallised and 266 s for metallised compositions;'))
            .toEqual(['1.1 non-halogenised compositions: impulse > 230 s', '1.2 non-metallised compositions: impulse > 250 s', '1.3 metallised compositions: impulse > 266 s']);
    });
    test('one limit for one kind ("240 seconds for non-metallized, non-halogenized propellant") is a plain limit', () => {
        expect(perKind('of more than 240 seconds for non-metallized, non-halogenized "propellant";')).toEqual(['- : time > 240 s']);
    });
});

describe('limits written as formulas, kept as written', () => {
    const formulas = (text: string, lead?: string) => parseThresholds(text, byMeasure, lead).thresholds
        .map(t => `${t.parameter} ${t.comparator} ${t.formula ? `formula "${t.formula.expression}" ${t.formula.unit}` : `${t.value!.value} ${t.value!.unit ?? ''}`.trim()} | ${t.phrase}`);
    test.each([
        // 2.B.6.b.3.c (2021): a bracketed expression, then its unit.
        ['a "measurement uncertainty" equal to or less (better) than (1.6 + L/2,000) nm (L is the measured length in mm) at any point', undefined,
            ['uncertainty <= formula "1.6 + L/2,000" nm | equal to or less (better) than (1.6 + L/2,000) nm']],
        // 2.B.6.a (2002): without brackets.
        ['equal to or less (better) than 1.7 + L/1,000 µm (L is the measured length in mm), tested according to ISO 10360-2 (2001);', undefined,
            ['length <= formula "1.7 + L/1,000" µm | equal to or less (better) than 1.7 + L/1,000 µm']],
        // 3.A.1.a.12: a divisor after the bracket.
        ['a rated execution time for an N-point complex FFT of less than (N log2 N)/20,480 ms, where N is the number of points;', undefined,
            ['execution_time < formula "(N log2 N)/20,480" ms | less than (N log2 N)/20,480 ms']],
        // 3.A.1.b.10: the unit said before ("in dBc/Hz"), the word after the formula not the phrase's;
        // the range of the offset F it holds over is the formula's.
        ['a single sideband (SSB) phase noise, in dBc/Hz, less (better) than -(126 + 20log10F - 20log10f) anywhere within the range of 10 Hz ≤ F ≤ 10 kHz;', undefined,
            ['noise < formula "-(126 + 20log10F - 20log10f) for 10 Hz ≤ F ≤ 10 kHz" dBc/Hz | less (better) than -(126 + 20log10F - 20log10f)']],
        // 3.A.2.d.4.b: the unit in the lead-in; the range of F also where the formula does not use F.
        ['Less (better) than -(206 - 20log10f) anywhere within the range of 10 kHz < F ≤ 100 kHz;', 'A single sideband (SSB) phase noise, in dBc/Hz, specified as being any of the following:',
            ['phase-noise < formula "-(206 - 20log10f) for 10 kHz < F ≤ 100 kHz" dBc/Hz | Less (better) than -(206 - 20log10f)']],
        // 3.A.1.b.12.a/c: "divided by" words, the formula in brackets; its "≤ 15cm" is no limit of its own (was length <= 15 cm).
        ['A peak saturated power output (in watts), Psat, greater than 505.62 divided by the maximum operating frequency (in GHz) squared [Psat>505.62 W*GHz²/fGHz²] for any channel;', undefined,
            ['power_output > formula "505.62 W*GHz²/fGHz²" W | greater than 505.62 divided by the maximum operating frequency (in GHz) squared [Psat>505.62 W*GHz²/fGHz²]']],
        ['Any planar side with length d (in cm) equal to or less than 15 divided by the lowest operating frequency in GHz [d ≤ 15cm*GHz*N/fGHz] where N is the number of channels;', undefined,
            ['length <= formula "15cm*GHz*N/fGHz" cm | equal to or less than 15 divided by the lowest operating frequency in GHz [d ≤ 15cm*GHz*N/fGHz]']],
        // 7.A.3.c.1: a value times a function of a variable.
        ['a heading "accuracy" equal to or less (better) than 0.07 deg sec(Lat) (equivalent to 6 arc minutes rms at 45 degrees latitude);', undefined,
            ['accuracy <= formula "0.07 sec(Lat)" deg | equal to or less (better) than 0.07 deg sec(Lat)']],
    ])('%s', (text, lead, expected) => {
        expect(formulas(text, lead)).toEqual(expected);
    });

    test('no unit said anywhere: nothing says what the formula measures, and no threshold is written', () => {
        expect(formulas('less (better) than -(126 + 20log10F - 20log10f) anywhere within the range;')).toEqual([]);
    });
});

describe('threshold phrases', () => {
    test.each([
        ['A light source wavelength shorter than 193 nm; or', ['wavelength < 193 nm']],
        ['operating at a clock frequency exceeding 40 MHz;', ['frequency > 40 MHz']],
        ['A bandwidth greater than 250 MHz; or', ['bandwidth > 250 MHz']],
        ['a pulse duration of less than 10 ns', ['duration < 10 ns']],
        ['with a diameter equal to or less than 5 µm', ['diameter <= 5 µm']],
        ['a thickness less than or equal to 2 mm', ['thickness <= 2 mm']],
        ['a resolution not exceeding 0.1 mrad', ['resolution <= 0.1 mrad']],
        ['a wavelength of 45 nm or less', ['wavelength <= 45 nm']],
        ['an energy density equal to or more than 250 J/kg', ['density >= 250 J/kg']],
        ['A voltage rating equal to or more than 5 kV;', ['voltage >= 5 kV']],
        ['an output power equal to or greater than 100 W', ['power >= 100 W']],
        ['an altitude of 15 km or more', ['altitude >= 15 km']],
        ['a temperature above 398 K (+125°C)', ['temperature > 398 K']],
        ['a temperature below 218 K (-55°C)', ['temperature < 218 K']],
        ['a power of ≤ 3 W', ['power <= 3 W']],
        ['a power of ≥ 3 W', ['power >= 3 W']],
        ['no more than 10% of the particles', ['ratio <= 10 %']],
        // "equal to or exceeding" is at least, not "exceeding" (2021: 14 items read as >).
        ['a glass transition temperature equal to or exceeding 505 K', ['temperature >= 505 K']],
        ['a capacity equal to or above 10 kg', ['capacity >= 10 kg']],
        ['a temperature equal to or below 77 K', ['temperature <= 77 K']],
        // (Not in the WA lists; a national list may write it: "longer than" alone is exclusive.)
        ['A light source wavelength equal to or longer than 193 nm', ['wavelength >= 193 nm']],
        ['A pulse duration equal to or shorter than 1 ns', ['duration <= 1 ns']],
        ['A dose rate upset of 5 × 106 Gy (silicon)/s or higher; or', ['dose_rate >= 5e6 Gy/s']],
        // The EU's Annex I sets the bracket against its word.
        ['an output harmonic and distortion content of less(better) than -80 dB;', ['output < -80 dB']],
        // Units the registry now knows, with their whole tail.
        ['an angular acceleration exceeding 2 rad/s²', ['acceleration > 2 rad/s^2']],
        ['a data rate exceeding 2.0 Gbyte/s', ['data_rate > 2.0 Gbyte/s']],
        // A decimal comma (4.A.3.g, 2000-2009): was "exceeding 1", a ratio.
        ['communications at data rates exceeding 1,25 Gbyte/s.', ['data_rate > 1.25 Gbyte/s']],
        ['containing 85% by weight or more of the isotope', ['ratio >= 85 %']],
        ['a noise level less than -150 dBm/Hz', ['noise < -150 dBm/Hz']],
        ['Streak cameras having writing speeds exceeding 10 mm/µs;', ['speed > 10 mm/µs']],
        ['a sheet (surface) resistivity of less than 100 ohms/square', ['resistivity < 100 ohm/sq']],
        ['conductors containing one or more niobium-titanium filaments:', ['count:filament >= 1']],
        ['having one or more of the following:', []],
        // Two modifiers of one counted noun (1.C.6.b); not a singular noun before "or" alone (3.A.1.a.x's "data or instruction bus").
        ['containing more than two ether or thio-ether functions or mixtures thereof;', ['count:function > 2']],
        ['More than one data or instruction bus or serial communication port', []],
        // A noun standing alone before "and": the clause after it is another condition (5.A.1.b.2.b).
        ['over an "instantaneous bandwidth" of one octave or more and with an output harmonic', ['bandwidth >= 1']],
        ['a repeatability equal to or less than 0.9 µm along one or more linear axis;', ['repeatability <= 0.9 µm']],
        // Noise densities per square root of a bandwidth or a time, not the field or angle alone.
        ["a 'sensitivity' lower (better) than 20 pT (rms) per square root Hz at a frequency of 1 Hz", ['sensitivity < 20 pT/Hz^0.5']],
        ['lower (better) than 3 nT/m (rms) per square root Hz', ['magnetic-gradient-noise-density < 3 nT/m/Hz^0.5']],
        ["a 'sensitivity' lower (better) than 8 nanovolt per meter per square root Hz when measured at 1 Hz", ['sensitivity < 8 nV/m/Hz^0.5']],
        ['An "angle random walk" of less (better) than or equal to 0.0035 degree per square root hour; or', ['walk <= 0.0035 deg/h^0.5']],
        ['a proof test tensile stress of 2 x 10⁹ N/m² or more', ['stress >= 2e9 N/m^2']],
        // A level written with its sign (2021 5.A.1.d).
        ['ERP equal to or greater than +20 dBm (22.15 dBm EIRP)', ['erp >= 20 dBm']],
        ['a power density exceeding 100 W/cm²', ['density > 100 W/cm^2']],
        ['a specific power exceeding 500 W/kg', ['power > 500 W/kg']],
        ['an energy density exceeding 250 Wh/kg', ['density > 250 Wh/kg']],
        ['a responsivity exceeding 10 mA/W', ['responsivity > 10 mA/W']],
        ['a field exceeding 2 T', ['field > 2 T']],
        ['a sensitivity better than 3 pT', ['sensitivity < 3 pT']],
        ['an energy exceeding 100 keV', ['energy > 100 keV']],
        ['a power exceeding 10 nW', ['power > 10 nW']],
        ['a mass less than 20 g', ['mass < 20 g']],
        ['for use at linear acceleration levels exceeding 100 g', ['acceleration > 100 g0']],
        ['a range of 25 nautical miles or more', ['range >= 25 nmi']],
        ['a CTP exceeding 190,000 Mtops', ['ctp > 190000 Mtops']],
        ['an accuracy less than 0.1 mGal', ['accuracy < 0.1 mGal']],
        ['an area less than 1.14 x 10-³ cm²', ['area < 1.14e-3 cm^2']],
        ['a composition having a minimum of 75% by weight of iron', ['composition >= 75 %']],
        ['capable of positioning within 20 m of a given point', ['length <= 20 m']],
        ['an output stable within ±0.05% of the final specified value', ['output <= 0.05 %']],
        ['a gap within 0 to 0.2 mm of the surface', []],
        ['a maximum of 38% by weight of cobalt', ['ratio <= 38 %']],
        ['a temperature of 973 K (700°C) at a maximum', ['temperature <= 973 K']],
        // A test's conditions: the temperature it runs at and the stress it applies are not limits.
        ['A low cycle fatigue life of 10,000 cycles or more at 973 K (700°C) at a maximum stress of 700 MPa;', ['life >= 10000']],
        ['at wavelengths less than 15 nm but greater than 1 nm;', ['wavelength < 15 nm', 'wavelength > 1 nm']],
        ['a product of the delay time and the bandwidth of more than 100;', ['bandwidth > 100']],
        ['a power density greater than 1 kW/cm2', ['density > 1 kW/cm^2']],
        ['a fluence greater than 2 J/cm2', ['ratio > 2 J/cm^2'.replace('ratio', 'fluence')]],
        ['an emission current density exceeding 5 A/cm²;', ['density > 5 A/cm^2']],
        // Compound units, read whole (2021 misses for units the registry did not know).
        ['An explosive load greater than 40 g/m; and', ['explosive_load > 40 g/m']],
        ['a corrosion rate of less than 1 mm/year in 3% sodium chloride', ['corrosion_rate < 1 mm/year']],
        ['An electrical resistivity of 2 x 10-4 ohm cm or more.', ['resistivity >= 2e-4 ohm.cm']],
        ['a resistivity greater than 10,000 ohm-cm at 20°C', ['resistivity > 10000 ohm.cm']],
        // A band by its ends, a modulation's level, a quoted counted thing (2006 5.E.1.c.4.c, 2014 5.B.1.b.4, 2009 1.C.5.b).
        ['Operating in the 1.5 MHz to 87.5 MHz band and', ['frequency >= 1.5 MHz', 'frequency <= 87.5 MHz']],
        ['employing quadrature-amplitude-modulation (QAM) techniques above level 1,024;', ['technique > 1024']],
        ['consisting of one or more "superconductive" \'filaments\';', ['count:filament >= 1']],
        // A sign set against its number: "10 Hz ≤ F ≤10 kHz" (3.A.2.d.4.a, 2014), a band on both sides, a condition.
        ['within the range of 10 Hz ≤ F ≤10 kHz', []],
        ['critical current density exceeding 1,750 A/mm2 on overall cross-section', ['density > 1750 A/mm^2']],
        ['Density at 298 K (25°C) of 1.5 g/ml or more;', ['density >= 1.5 g/ml']],
        ['a deposition rate of 15 µm/h or more;', ['deposition_rate >= 15 µm/h']],
        ['A fluence of neutrons (1 MeV equivalent) of 5 x 1013 n/cm2 or higher', ['neutron >= 5e13 n/cm^2']],
        ["An 'area coverage rate' of greater than 570 m2/s while", ['coverage_rate > 570 m^2/s']],
        ['having a luminous sensitivity exceeding 350 µA/lm;', ['sensitivity > 350 µA/lm']],
        ['an average "equivalent density" of less than 30 kg/m² and', ['density < 30 kg/m^2']],
        ['coefficient of linear thermal expansion equal to or less than 5 x 10-6/K;', ['expansion <= 5e-6 K^-1']],
        ["a magnetic gradient field 'sensitivity' lower (better) than 0.3 nT/m (rms) per square root Hz;", ['sensitivity < 0.3 nT/m/Hz^0.5']],
        ["'Corrected specific fuel consumption' not exceeding 0.219 kg/kWh at 35%", ['consumption <= 0.219 kg/kWh']],
        ['with densities exceeding 1.4 g/cm³ and', ['density > 1.4 g/cm^3']],
        ['Total impulse capacity exceeding 1.1 MNs;', ['capacity > 1.1 MN.s']],
        ['Specific impulse of 2.4 kNs/kg or more, when', ['impulse >= 2.4 kN.s/kg']],
        ['thrust-to-weight ratios equal to or more than 1 kN/kg and', ['weight_ratio >= 1 kN/kg']],
        ['Power density of more than 700 kW/m3 of', ['density > 700 kW/m^3']],
        ['a torque of 250 Nm or more', ['torque >= 250 N.m']],
        ['a volume-based energy density of 37.5 GJ per cubic meter or greater', ['density >= 37.5 GJ/m^3']],
        ['Mass flow in the range from 30 to 130 kg per minute; and', ['range >= 30 kg/min', 'range <= 130 kg/min']],
        ['An aggregate data rate of 500 Gb/s or greater;', ['data_rate >= 500 Gbit/s']],
        ['a turn-on current rate of rise (di/dt) greater than 30,000 A/µs and', ['current_rate > 30000 A/µs']],
        ['Total power consumption of less than 1 Watt;', ['power < 1 W']],
        ['Angular deviation less (better) than 2 seconds of arc, TIR', ['deviation < 2 arcsec']],
        // Range forms in either order of strictness, open-ended "and above", "beyond", "down to".
        ['at wavelengths less than 193 nm but equal to or greater than 15 nm;', ['wavelength < 193 nm', 'wavelength >= 15 nm']],
        ['a frequency not exceeding 10 GHz but above 2 GHz', ['frequency <= 10 GHz', 'frequency > 2 GHz']],
        ['High temperature (450 K (177°C) and above) position sensors.', ['temperature >= 450 K']],
        ['at frequencies of 200 Hz and below.', ['frequency <= 200 Hz']],
        ['Designed to extend the frequency range beyond 90 GHz;', ['frequency > 90 GHz']],
        ['capable of evacuation down to 0.01 Pa prior to spraying', ['evacuation <= 0.01 Pa']],
        ["having a 'sensitivity' equal to or lower (better) than 50 fT (rms) per square root Hz", ['sensitivity <= 50 fT/Hz^0.5']],
        // "better than": the side depends on what is measured.
        ['having a purity (metal basis) better than 99.999%;', ['purity > 99.999 %']],
        ['Having speed "accuracy" better than 1% of speed;', ['accuracy < 1 %']],
        ['Electronic streak cameras having temporal resolution better than 50 ns;', ['resolution < 50 ns']],
        ["A 'hydrophone sensitivity' better than -180 dB at any depth", ['sensitivity > -180 dB']],
        ['an output harmonic and distortion content of better than -80 dB;', ['output < -80 dB']],
        ['with a static "accuracy" of better than 0.1 mGal.', ['accuracy < 0.1 mGal']],
        ['with a sensitivity of 0.01 µcoulomb/mm2 or better;', ['sensitivity <= 0.01 µC/mm^2']],
        // "A resolution of 12 bit with ...": exactly 12 bit (3.A.1.a.5.a); "of 12 bit or more" stays a bound.
        ['A resolution of 12 bit with an output rate greater than 50 million words per second;', ['resolution = 12 bit', 'output_rate > 50 MHz']],
        // A resist's sensitivity in energy per area is the dose it takes: better lower (3.C.2.c).
        ['All resists designed for use with X-rays, with a sensitivity of 2.5 mJ/mm2 or better;', ['sensitivity <= 2.5 mJ/mm^2']],
        ['A finished quality of AGMA 14 or better', ['agma >= 14']],
        ['a phase noise better than -120 dBc/Hz', ['noise < -120 dBc/Hz']],
        // A band as a double inequality on a named frequency: the offsets a formula limit holds over, a condition.
        ['A phase noise better than -(114+20 log10F-20 log10f) for 10 kHz ≤ F < 500 kHz;', []],
        ['Less (better) than -(126+20 log10F-20 log10f) anywhere within the range of 10 Hz < F< 10 kHz anywhere within the synthesized frequency range exceeding 3.2 GHz but not exceeding 75 GHz; and', ['frequency > 3.2 GHz', 'frequency <= 75 GHz']],
        ['An instantaneous radiated acoustic power density exceeding 0.01 mW/mm2/Hz for devices operating at frequencies below 10 kHz;', ['density > 0.01 mW/mm^2/Hz', 'frequency < 10 kHz']],
        // A band "of A to B" after what it ranges over.
        ['Nominal laser wavelength of 975 nm to 1,150 nm;', ['wavelength >= 975 nm', 'wavelength <= 1150 nm']],
        ['Designed to operate in the frequency range of 40.5 to 42.5 GHz;', ['frequency >= 40.5 GHz', 'frequency <= 42.5 GHz']],
        // "better (less) than": the bracketed word names the side.
        ['Optical system resolution better (less) than 1 nm; and', ['resolution < 1 nm']],
        ['"Laser" frequency stability equal to or better (less) than 10 MHz;', ['stability <= 10 MHz']],
        ['An insertion loss better (less) than or equal to 0.3 dB maintained at a rated total average', ['loss <= 0.3 dB']],
        ["an overall 'acceleration sensitivity' better than 48 dB (reference 1,000 mV rms per 1g);", []],
        // A condition of measurement is not a limit, and does not become one.
        ['Angular deviation less (better) than 2 seconds of arc, TIR, over 300 mm of travel;', ['deviation < 2 arcsec']],
        // A bare coefficient, the next word no unit (6.A.4.c.4, 1999-2018, written without "/K").
        ['a coefficient of linear thermal expansion equal to or less than 5 x 10-6 in any coordinate direction.', ['expansion <= 5e-6']],
        // Found among the threshold oracle's misses: a kinematic viscosity (1.C.6.b.2), an ageing rate
        // per month (3.A.2.g), a ratio written 4:1 (9.E.3.f.2.a), a share of another quantity (2.B.3).
        ['a kinematic viscosity of less than 5,000 mm2/s (5,000 centistokes) measured at 298 K (25°C);', ['viscosity < 5000 mm^2/s']],
        ['Long-term stability (aging) less (better) than 1 x 10-11/month; or', ['stability < 1e-11 month^-1']],
        ['Operating at pressure ratios of 4:1 or higher;', ['pressure >= 4']],
        ['capable of producing fine finished, hardened (Rc = 40 or more) spur, helical and double-helical gears', ['hardness >= 40 HRC']],
        ['A face width of 15% of pitch diameter or larger; and', ['width >= 15 %']],
        ['Designed to operate at stress levels of 60% of Ultimate Tensile Strength (UTS) or more measured at', ['stress_level >= 60 %']],
        // Where the response is measured is no limit: with it, 6.A.2.a.1.a.2 contradicted its all-of sibling's band.
        ['A response of less than 0.1% relative to the peak response at a wavelength exceeding 400 nm;', ['response < 0.1 %']],
        // The Mach number before its value; a noun between the quantity and "or higher".
        ['Wind tunnels designed for speeds of Mach 1.2 or more; at speeds exceeding Mach 5', ['speed >= 1.2 Mach', 'speed > 5 Mach']],
        ['Boron or boron carbide of 85% purity or higher and a particle size of 60 µm or less;', ['purity >= 85 %', 'particle_size <= 60 µm']],
        ['for use on vessels of 1,000 tonnes displacement or more, as follows:', ['displacement >= 1000 t']],
        ['containing 10 weight percent or more aluminium', ['ratio >= 10 %']],
        ['capable of simulating Reynolds number flows exceeding 25 x 106.', ['flow > 25e6']],
    ])('%s', (text, expected) => {
        expect(read(text).conditions).toEqual(expected);
    });

    test('a union or a complement is one threshold with alternatives, never one bound (that would invert the control)', () => {
        const union = read('Rated for operation at an ambient temperature below 228 K (-45°C) or above 358 K (85°C);');
        expect(union.thresholds).toEqual([{
            parameter: 'temperature', comparator: '<', value: { value: '228', unit: 'K' },
            alternatives: [{ comparator: '>', value: { value: '358', unit: 'K' } }], phrase: 'below 228 K (-45°C) or above 358 K (85°C)',
        }]);
        // "outside the range from A to B": below A or above B, the ends themselves not included.
        const outside = read('An acoustic carrier frequency outside the range from 20 kHz to 60 kHz;');
        expect(outside.thresholds).toEqual([{
            parameter: 'frequency', comparator: '<', value: { value: '20', unit: 'kHz' },
            alternatives: [{ comparator: '>', value: { value: '60', unit: 'kHz' } }], phrase: 'outside the range from 20 kHz to 60 kHz',
        }]);
        expect(outside.unexpressed).toEqual([]);
    });

    test('"other than A to B" is a union too', () => {
        expect(read('Airborne altimeters operating at frequencies other than 4.2 to 4.4 GHz inclusive and having').thresholds).toEqual([{
            parameter: 'frequency', comparator: '<', value: { value: '4.2', unit: 'GHz' },
            alternatives: [{ comparator: '>', value: { value: '4.4', unit: 'GHz' } }], phrase: 'other than 4.2 to 4.4 GHz inclusive',
        }]);
    });

    test('one parameter bounded twice, the phrases joined by "or": one union; joined by "and": two conditions', () => {
        const text = 'When impregnated with materials controlled by 1.C.8., having a glass transition temperature (Tg) exceeding 383 K (110°C) or with phenolic or epoxy resins, having a glass transition temperature (Tg) equal to or exceeding 418 K (145°C).';
        expect(read(text).thresholds).toEqual([{
            parameter: 'temperature', comparator: '>', value: { value: '383', unit: 'K' },
            alternatives: [{ comparator: '>=', value: { value: '418', unit: 'K' } }],
            phrase: 'exceeding 383 K (110°C) or with phenolic or epoxy resins, having a glass transition temperature (Tg) equal to or exceeding 418 K (145°C)',
        }]);
        expect(read('a temperature exceeding 383 K and, after curing, a temperature equal to or exceeding 418 K').thresholds).toHaveLength(2);
    });

    test('two phrases measuring alike are two parameters, each named by the word before it', () => {
        expect(read('Less than 100 µs for any frequency change exceeding 2.2 GHz within the synthesised frequency range exceeding 37 GHz but not exceeding 75 GHz;').conditions)
            .toEqual(['time < 100 µs', 'frequency_change > 2.2 GHz', 'frequency_range > 37 GHz', 'frequency_range <= 75 GHz']);
    });

    test('the longest phrase wins whatever the order of the forms', () => {
        expect(read('equal to or greater than 75 mm and less than 90 mm').conditions).toEqual(['dimension_length >= 75 mm', 'dimension_length < 90 mm'].map(c => c.replace('dimension_length', 'length')));
    });

    test('combined forms become two bounds on one parameter', () => {
        expect(read('a frequency range exceeding 43.5 GHz but not exceeding 110 GHz;').conditions).toEqual(['frequency > 43.5 GHz', 'frequency <= 110 GHz']);
        expect(read('at any frequency exceeding 2.7 GHz up to and including 2.9 GHz;').conditions).toEqual(['frequency > 2.7 GHz', 'frequency <= 2.9 GHz']);
        expect(read('A resolution of 8 bit or more, but less than 10 bit').conditions).toEqual(['resolution >= 8 bit', 'resolution < 10 bit']);
        expect(read('over the entire ambient temperature range from 218 K (-55°C) to 398 K (+125°C);').conditions).toEqual(['temperature >= 218 K', 'temperature <= 398 K']);
    });

    test('each phrase keeps its own words, and the report counts seen against parsed', () => {
        const result = read('To an output power greater than 100 mW (20 dBm) anywhere within the frequency range exceeding 43.5 GHz but not exceeding 110 GHz;');
        expect(result.thresholds.map(t => t.phrase)).toContain('greater than 100 mW (20 dBm)');
        expect(result.seen).toBe(3);
        expect(result.parsed).toBe(3);
        const unknown = read('A drift of 5 Fg/fortnight or higher');
        expect(unknown.seen).toBe(1);
        expect(unknown.parsed).toBe(0);
    });

    test('samples per second are a frequency; counted things name their own parameter', () => {
        expect(read('with a "sample rate" greater than 1.3 Giga Samples Per Second (GSPS);').conditions).toEqual(['sample_rate > 1.3 GHz']);
        expect(read('More than 208 terminals;').conditions).toEqual(['count:terminal > 208']);
    });

    test('superscript exponents, kept or flattened by Word, are read exactly', () => {
        expect(read('A total dose of 5 x 10³ Gy (Si) or higher;').conditions).toEqual(['dose >= 5e3 Gy']);
        const flattened = read('A dose rate upset of 5 x 106 Gy (Si)/s or higher; or');
        expect(flattened.conditions).toEqual(['dose_rate >= 5e6 Gy/s']);
        expect(flattened.guessedExponents).toBe(1);
        // The eCFR flattens them with a space: a minus sign after 10, or a number after "x 10".
        expect(read('An electrical resistivity of 2 × 10 −4 ohm cm or more.').conditions).toEqual(['resistivity >= 2e-4 ohm.cm']);
        expect(read('A “specific modulus” exceeding 10.15 x 10 6 m; and').conditions).toEqual(['modulus > 10.15e6 m']);
        expect(read('critical current density exceeding 1750 A/mm 2 on overall cross-section').conditions).toEqual(['density > 1750 A/mm^2']);
        expect(read('A total dose of 5 × 10 3 Gy (Si), or higher;').conditions).toEqual(['dose >= 5e3 Gy']);
        // ... and writes a minus sign (U+2212) where the WA has a hyphen.
        expect(read('a Displayed Average Noise Level (DANL) less (better) than \u2212150 dBm/Hz').conditions).toEqual(['noise < -150 dBm/Hz']);
    });

    test('numbers are kept as exact decimals', () => {
        expect(readNumber('1,024')).toEqual({ value: '1024', guessed: false });
        expect(readNumber('0.35')).toEqual({ value: '0.35', guessed: false });
        expect(readNumber('5 x 10^-3')).toEqual({ value: '5e-3', guessed: false });
        expect(readNumber('abc')).toBeUndefined();
    });
});

describe('parameter names', () => {
    test('each parameter says in words what it measures', () => {
        expect(parameterDescription('temperature', 'flash_point')).toBe('flash point (temperature)');
        expect(parameterDescription('frequency', 'frequency')).toBe('frequency');
        expect(parameterDescription('data-rate', undefined)).toBe('data rate');
        expect(parameterDescription('count:terminal', undefined)).toBe('number of terminals');
    });

    test('a word that names another quantity is not what a phrase measures: the word before it is, or the dimension alone', () => {
        const name = (text: string, at: string, dimension: string) => parameterName(dimension, measureBefore(text, text.indexOf(at), dimension)).name;
        // Was current_length, frequency_level, force_specific_energy, speed_time, period_length.
        expect(name('Inner diameter of the current carrying windings of more than 250 mm; and', 'more than', 'length')).toBe('diameter');
        expect(name("A 'frequency side-lobe rejection' exceeding 65 dB;", 'exceeding', 'level')).toBe('rejection_level');
        expect(name('"Propellants" having a force constant of more than 1,200 kJ/kg;', 'more than', 'specific-energy')).toBe('force_constant');
        expect(name('An electronic shutter speed (gating capability) of less than 1 µs per full frame; and', 'less than', 'time')).toBe('time');
        const ins = 'having an INS navigation position accuracy, after loss of GNSS or "DBRN" for a period of up to 4 minutes, of less (better) than 10 meters';
        expect(name(ins, 'less (better)', 'length')).toBe('accuracy_length');
        // Its own quantity, or one it is also written in, it still names: a key length in bits, a speed in Mach.
        expect(name('a key length in excess of 56 bits', 'in excess', 'information')).toBe('length_information');
        expect(name('a thickness uniform to less than ± 2.5%', 'less than', 'ratio')).toBe('thickness_ratio');
        expect(name('speeds exceeding Mach 1.2', 'exceeding', 'mach-number')).toBe('speed_mach_number');
    });

    test('a verb is no measured word, and to cruise at Mach 1 is a speed, as cruising at speeds exceeding Mach 1.2 (9.A.1.b, 2004)', () => {
        const now = 'Designed to power an aircraft designed to cruise at Mach 1 or higher for more than 30 minutes.';
        expect(measureBefore(now, now.indexOf('Mach'))).toBe('speed');
        const before = 'Designed to cruise at speeds exceeding Mach 1.2 for more than thirty minutes.';
        expect(measureBefore(before, before.indexOf('exceeding'))).toBe('speed');
    });

    test('depend on the measured word and the dimension only, never on what came first', () => {
        expect(parameterName('length', 'wavelength')).toEqual({ name: 'wavelength', dimension: 'length' });
        expect(parameterName('frequency', 'wavelength')).toEqual({ name: 'wavelength_frequency', dimension: 'frequency' });
        expect(parameterName('acceleration', 'acceleration')).toEqual({ name: 'acceleration', dimension: 'acceleration' });
        expect(parameterName('angle', 'acceleration')).toEqual({ name: 'acceleration_angle', dimension: 'angle' });
        expect(parameterName('frequency', 'sample_rate')).toEqual({ name: 'sample_rate', dimension: 'frequency' });
        expect(parameterName('data-rate', 'data_rate')).toEqual({ name: 'data_rate', dimension: 'data-rate' });
        expect(parameterName('count:terminal', undefined)).toEqual({ name: 'terminals', dimension: 'count' });
        expect(parameterName('count:degree_of_freedom', undefined)).toEqual({ name: 'degrees_of_freedom', dimension: 'count' });
        expect(parameterName('length', undefined)).toEqual({ name: 'length', dimension: 'length' });
    });

    test('say the quantity once: no dimension repeated after a word that already names it', () => {
        expect(parameterName('energy-density', 'density').name).toBe('energy_density');
        expect(parameterName('specific-impulse', 'impulse').name).toBe('specific_impulse');
        expect(parameterName('fuel-consumption', 'consumption').name).toBe('fuel_consumption');
        expect(parameterName('area-rate', 'coverage_rate').name).toBe('coverage_rate');
        expect(parameterName('velocity', 'burning_rate').name).toBe('burning_rate');
        expect(parameterName('data-rate', 'transfer_rate').name).toBe('transfer_rate');
        expect(parameterName('temperature', 'flash_point').name).toBe('flash_point');
        expect(parameterName('amount-per-mass', 'hydroxyl_value').name).toBe('hydroxyl_value');
        expect(parameterName('angular-rate', 'rate_range').name).toBe('angular_rate_range');
        // A rate in hertz keeps its dimension apart from the data rate of the same words.
        expect(parameterName('frequency', 'data_rate').name).toBe('data_rate_frequency');
    });

    test('units written as words are units, not counted nouns', () => {
        expect(read('at altitudes above 50,000 feet (15,240 metres)').conditions).toEqual(['altitude > 50000 ft']);
        expect(read('a non-operating shock level of 900 g or greater at a duration of 1 msec or greater').conditions).toEqual(['shock_level >= 900 g0', 'duration >= 1 ms']);
        expect(read('a total conversion time of less than 1 microsecond').conditions).toEqual(['conversion_time < 1 µs']);
        expect(read('A "bias" "stability" of less (better) than 130 micro g with respect to a fixed calibration value').conditions).toEqual(['stability < 130 µg0']);
        expect(read('A rotary speed of 700 rpm or more').conditions).toEqual(['speed >= 700 rpm']);
        expect(read('a hydroxyl value of less than 0.77 meq/g, and a viscosity at 30°C of less than 47 poise (CAS 69102-90-5);').conditions)
            .toEqual(['hydroxyl_value < 0.77 meq/g', 'viscosity < 47 P']);
        expect(read('having a "spectral efficiency" exceeding 3 bit/sec/Hz').conditions).toEqual(['efficiency > 3 bit/s/Hz']);
        expect(read('with a specific surface area more than 250 m²/g and').conditions).toEqual(['area > 250 m^2/g']);
        expect(read('Injection amount in excess of 230 mm3 per injection per cylinder').conditions).toEqual(['amount > 230 mm^3']);
        expect(read('capable of angular accelerations exceeding 2 rad (radians)/s²; or').conditions).toEqual(['acceleration > 2 rad/s^2']);
    });

    test('events per second are a frequency, scaled by the million or billion before them', () => {
        expect(read('Digitising rates equal to or more than 200 million samples per second').conditions).toEqual(['digitising_rate >= 200 MHz']);
        expect(read('with an output rate greater than 1 billion words per second;').conditions).toEqual(['output_rate > 1 GHz']);
        expect(read('A read out time allowing a framing rate of more than 125 full frames per second;').conditions).toEqual(['framing_rate > 125 Hz']);
        expect(read('capable of recording at framing rates exceeding 13,150 frames/s').conditions).toEqual(['framing_rate > 13150 Hz']);
        expect(read('a magnetic field slew rate exceeding 1 x 10⁶ magnetic flux quanta per second;').conditions).toEqual(['slew_rate > 1e6 Hz']);
        const failures = read('Probability of loss of control of the aircraft being less (better) than 1x10⁻⁹ failures per flight hour;');
        expect(failures.thresholds.map(t => [t.value!.value, t.value!.unit, t.phrase])).toEqual([['1e-9', 'h^-1', 'less (better) than 1x10⁻⁹ failures per flight hour']]);
    });

    test('a count names the noun it counts, past the adjectives before it, and quotes it whole', () => {
        // The importer names a count by its noun, whatever word comes before it.
        const read = (text: string) => {
            const result = parseThresholds(text, dimension => dimension);
            return { ...result, conditions: result.thresholds.map(t => `${t.parameter} ${t.comparator} ${t.value!.value}`) };
        };
        const tunable = read('filters having more than 5 tunable resonators capable of tuning');
        expect(tunable.conditions).toEqual(['count:resonator > 5']);
        expect(tunable.thresholds[0].phrase).toBe('more than 5 tunable resonators');
        expect(read('with less than 3 non-metallic particles (introduced during the manufacturing process)').conditions).toEqual(['count:particle < 3']);
        expect(read('exceeding 8 optical carriers in a single optical window').conditions).toEqual(['count:carrier > 8']);
        expect(read('Processing and displaying more than 150 simultaneous "system tracks"; or').conditions).toEqual(['count:system_track > 150']);
        expect(read('An "instantaneous bandwidth" greater than 1 octave (fmax. > 2fmin.)').conditions).toEqual(['count:octave > 1']);
        expect(read('and having 5 degrees of freedom of movement or more').conditions).toEqual(['count:degree_of_freedom >= 5']);
        // Numbers written as words count or measure what follows them, never stand alone.
        expect(read('Polynitrocubanes with more than four nitro groups;').conditions).toEqual(['count:group > 4']);
        expect(read('fusion of target data within six seconds from two or more radars').conditions).toEqual(['time <= 6', 'count:radar >= 2']);
        expect(read('Having two or more of the following:').conditions).toEqual([]);
        expect(read("designed to process data from two or more 'geographically dispersed' radar sensors").conditions).toEqual(['count:sensor >= 2']);
        expect(read('A combination of 5 or more fibre "lasers";').conditions).toEqual(['count:laser >= 5']);
        // "one" measures or counts what follows it like any number in words; "one or more linear axis" (singular) counts nothing.
        expect(read('specially designed to be fully charged or discharged in less than one second').conditions).toEqual(['time < 1']);
        expect(read('An "instantaneous bandwidth" of more than one octave').conditions).toEqual(['count:octave > 1']);
        // Tens in words too; "for" before the phrase says how long, whatever was measured before it (9.A.1.c, 1997-2009).
        expect(read('Designed to cruise at speeds exceeding Mach 1.2 for more than thirty minutes.').conditions).toEqual(['mach-number > 1.2', 'time > 30']);
        expect(read('Sensors having more than twenty discrete elements').conditions).toEqual(['count:element > 20']);
        // "at least one" of a singular noun counts it (1.C.2.a.2, 3.C.6); "at least one of the following" counts nothing.
        expect(read('and at least one additional alloying element;').conditions).toEqual(['count:element >= 1']);
        expect(read('with at least one epitaxial layer of silicon carbide').conditions).toEqual(['count:layer >= 1']);
        expect(read('having at least one of the following:').conditions).toEqual([]);
        // A quoted measure between the number and "or less", the unit before it (7.A.3.a.1-3).
        const limits = (text: string) => read(text).thresholds.map(t => `${t.comparator} ${t.value!.value} ${t.value!.unit}`);
        expect(limits('0.8 nautical miles per hour (nm/hr) "Circular Error Probable" ("CEP") rate or less (better);')).toEqual(['<= 0.8 kn']);
        expect(limits('Total drift of 1 nautical mile "CEP" or less (better) in a 24 hr period;')).toEqual(['<= 1 nmi']);
        expect(limits('0.5% distanced travelled "CEP" or less (better); or')).toEqual(['<= 0.5 %']);
        // "than" left out in the document (3.A.1.e.2.a.3, 2001); Mtops written out (3.E.2, 2004).
        expect(limits('A total energy equal to or more 25 kJ;')).toEqual(['>= 25 kJ']);
        expect(limits('Low (less then 10,000) molecular weight, alcohol functionalised, poly(epichlorohydrin);')).toEqual(['< 10000 undefined']);
        expect(limits('a "composite theoretical performance" ("CTP") of 530 million theoretical operations per second (Mtops) or more and')).toEqual(['>= 530 Mtops']);
        // A word size with a hyphen, and what is counted after it: two limits (3.E.2.a-b, 2006-2025).
        expect(read('Designed to perform more than four 64-bit or larger floating-point operation results per cycle; or').conditions).toEqual(['count:result > 4', 'information >= 64']);
        expect(read("Designed to perform more than four 64-bit or larger 'floating-point' operation results per cycle; or").conditions).toEqual(['count:result > 4', 'information >= 64']);
        expect(limits('vectors (one-dimensional arrays of 32-bit or larger numbers) simultaneously;')).toEqual(['>= 32 bit']);
        // Two quoted terms before what is counted (6.A.8.l.4, 2004).
        expect(read('of target data from two or more "geographically dispersed" and "interconnected radar sensors" to').conditions).toEqual(['count:sensor >= 2']);
        // Or a parenthetical with its own brackets, or a term and its abbreviation (7.A.3.a, 1997-2006).
        expect(limits('alignment of 0.8 nautical mile per hour (50% Circular Error Probable (CEP)) or less (better); or')).toEqual(['<= 0.8 kn']);
        expect(limits('alignment of 0.8 nautical mile per hour (nm/hr) Circular Error Probable (CEP) or less (better); or')).toEqual(['<= 0.8 kn']);
        // "Exceeding" said once for two quantities, the second named by its noun (6.A.4.b.2).
        expect(limits('Exceeding 80 mm in diameter or length of major axis and 20 mm in thickness (depth);')).toEqual(['> 80 mm', '> 20 mm']);
        expect(limits('exceeding 10 MHz and 5 W in the band')).toEqual(['> 10 MHz']);
        // An article between the comparator and the number (3.A.2.c.4.b.1).
        expect(limits('with less than a 3 dB reduction from full amplitude due to gaps')).toEqual(['< 3 dB']);
        // A parenthetical that is no unit explains a bare number (3.A.1.a.7.a).
        expect(limits('An equivalent usable gate count of more than 30,000 (2 input gates);')).toEqual(['> 30000 undefined']);
        expect(limits("0.8 nautical miles per hour (nm/hr) 'Circular Error Probable' ('CEP') rate or less (better);")).toEqual(['<= 0.8 kn']);
        expect(read('with "positioning accuracy" along one or more linear axis').conditions).toEqual([]);
        expect(read('Depths more than five times their diameter;').conditions).toEqual(['ratio > 5']);
        expect(read('Five or more axes;').conditions).toEqual(['count:axe >= 5']);
        expect(read('Two or more controlled axes of which').conditions).toEqual(['count:axe >= 2']);
        // A fraction's denominator is no quantity ("λ/10" is a tenth of the wavelength).
        expect(read('which maintain a flatness of λ/10 or better').conditions).toEqual([]);
        expect(read('measured at the output not exceeding 1.5 mm mrad for').thresholds.map(t => [t.value!.unit, t.phrase])).toEqual([['mm.mrad', 'not exceeding 1.5 mm mrad']]);
        expect(read('to which at least two can be coordinated simultaneously').conditions).toEqual([]);
        expect(read('O-Alkyl (H or equal to or less than C10, including cycloalkyl) O-2-dialkyl').conditions).toEqual(['count:carbon_atom <= 10']);
        // "1 part in 265,000" is a ratio CLD does not write as a count.
        expect(read('A resolution of better than 1 part in 265,000 (18 bit resolution) of full scale').conditions).toEqual([]);
    });

    test('hours, tonnes, metres and knots written out are units, not counted nouns', () => {
        expect(read('a life of more than 10,000 hours').conditions).toEqual(['life > 10000 h']);
        expect(read('a payload of 500 tonnes or more').conditions).toEqual(['payload >= 500 t']);
        expect(read('a depth exceeding 1,000 metres').conditions).toEqual(['depth > 1000 m']);
        expect(read('a speed exceeding 30 knots').conditions).toEqual(['speed > 30 kn']);
    });
});

describe('a comparator in the lead-in of a list', () => {
    const lead = "Induction coil \"magnetometers\" having a 'sensitivity' lower (better) than any of the following:";
    test("each sub-item's value is bounded by it; the sub-item's own phrases are not", () => {
        const read = leadInThresholds(lead, '0.05 nT (rms)/square root Hz at frequencies of less than 1 Hz;', byMeasure);
        expect(read.map(t => `${t.parameter} ${t.comparator} ${t.value!.value} ${t.value!.unit} "${t.phrase}"`)).toEqual(['magnetic-noise-density < 0.05 nT/Hz^0.5 "0.05 nT (rms)/square root Hz"']);
    });
    test('a lead-in that ends with its comparator: "of more than:", "exceeding:", "of less than:" (ML8.b.1, 6.A.5, 1.C.7)', () => {
        const read = (parent: string, text: string) => leadInThresholds(parent, text, byMeasure).map(t => `${t.comparator} ${t.value!.value} ${t.value!.unit} "${t.phrase}"`);
        expect(read('Any solid "propellant" with a theoretical specific impulse (under standard conditions) of more than:', '250 seconds for non-metallized, halogenized "propellant"; or')).toEqual(['> 250 s "250 seconds"']);
        expect(read('An average output power exceeding:', '10 W for single-transverse mode "lasers";')).toEqual(['> 10 W "10 W"']);
        expect(read('Total metallic impurities, excluding intentional additions, of less than:', '1,000 ppm for single oxides or carbides; or')).toEqual(['< 1000 ppm "1,000 ppm"']);
        // A lead-in that only introduces the list says nothing of its values.
        expect(read('Lasers having an output as follows:', '10 W for single-transverse mode "lasers";')).toEqual([]);
    });
    test('no lead-in comparator, or no value at the start of the sub-item: nothing', () => {
        expect(leadInThresholds('Magnetometers having any of the following:', '0.05 nT (rms)/square root Hz;', byMeasure)).toEqual([]);
        expect(leadInThresholds(lead, 'Frequencies of less than 1 Hz;', byMeasure)).toEqual([]);
    });
});

test('under water, "use below 1,000 m" is deeper than 1,000 m (8.A.2.g.2); a uniformity is better higher (6.E.3.d.1)', () => {
    expect(read('Argon arc light systems specially designed for use below 1,000 m;').conditions).toEqual(['depth > 1000 m']);
    expect(read('Photographic still cameras specially designed or modified for underwater use below 150 m having a film format of 35 mm or larger').conditions[0]).toBe('depth > 150 m');
    expect(read("to achieve an 'optical thickness' uniformity of 99.5% or better for optical coatings").conditions).toEqual(['uniformity >= 99.5 %']);
});
