import { Rational } from './rational.js';

/**
 * The unit registry: every unit the WA list uses, with its dimension and its exact factor (and,
 * for °C, offset) to the dimension's base unit: value_in_base = value * factor + offset.
 */
export interface UnitInfo {
    /** the spelling as written, e.g. `GHz` */
    symbol: string;
    dimension: string;
    factor: Rational;
    offset: Rational;
    /** true only for radians, whose factor to degrees is irrational */
    approximate: boolean;
}

export interface DimensionInfo {
    name: string;
    base: string;
    /** Whether a value below zero can exist (lengths cannot; dB levels can). */
    negativeAllowed: boolean;
    description: string;
    /** Spellings offered by completion, most usual first. */
    common: string[];
}

const D = (name: string, base: string, negativeAllowed: boolean, description: string, common: string[]): DimensionInfo =>
    ({ name, base, negativeAllowed, description, common });

export const DIMENSIONS: ReadonlyMap<string, DimensionInfo> = new Map([
    D('length', 'm', false, 'length, wavelength, feature size', ['nm', 'µm', 'mm', 'cm', 'm', 'km']),
    D('area', 'm^2', false, 'area', ['mm^2', 'cm^2', 'm^2']),
    D('volume', 'm^3', false, 'volume', ['cm^3', 'l', 'm^3']),
    D('mass', 'kg', false, 'mass', ['mg', 'g', 'kg', 't']),
    D('time', 's', false, 'time, duration, pulse width', ['ps', 'ns', 'µs', 'ms', 's', 'min', 'h']),
    D('frequency', 'Hz', false, 'frequency, rate', ['Hz', 'kHz', 'MHz', 'GHz', 'THz']),
    D('power', 'W', false, 'power', ['mW', 'W', 'kW', 'MW']),
    D('energy', 'J', false, 'energy', ['mJ', 'J', 'kJ', 'MJ']),
    D('voltage', 'V', false, 'voltage', ['mV', 'V', 'kV']),
    D('current', 'A', false, 'electric current', ['mA', 'A', 'kA']),
    D('resistance', 'ohm', false, 'electrical resistance', ['ohm', 'kohm', 'Mohm']),
    D('capacitance', 'F', false, 'capacitance', ['pF', 'nF', 'µF', 'F']),
    D('charge', 'C', false, 'electric charge', ['C', 'Ah']),
    D('temperature', 'K', false, 'absolute temperature (K; °C converts exactly)', ['K', '°C', 'mK']),
    D('pressure', 'Pa', false, 'pressure, strength, modulus', ['Pa', 'kPa', 'MPa', 'GPa', 'bar']),
    D('force', 'N', false, 'force, thrust', ['N', 'kN', 'MN']),
    D('torque', 'N.m', false, 'torque', ['N.m']),
    D('velocity', 'm/s', false, 'speed', ['m/s', 'km/h', 'km/s', 'mm/µs']),
    D('acceleration', 'm/s^2', false, 'acceleration', ['m/s^2', 'g0']),
    D('angle', 'deg', true, 'angle', ['rad', 'mrad', 'µrad', 'deg', 'arcsec']),
    D('angular-rate', 'deg/s', false, 'angular rate, drift rate', ['deg/h', 'deg/s', 'rad/s']),
    D('data-rate', 'bit/s', false, 'data rate', ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s']),
    D('information', 'bit', false, 'amount of information', ['bit', 'byte', 'kbyte', 'Mbyte', 'Gbyte']),
    D('ratio', '1', true, 'dimensionless ratio', ['%', 'ppm']),
    D('count', '1', false, 'a count (written without unit)', []),
    D('level', 'dB', true, 'logarithmic ratio', ['dB']),
    D('power-level', 'dBm', true, 'logarithmic power level', ['dBm', 'dBW']),
    D('performance', 'WT', false, 'computing performance in Weighted TeraFLOPS', ['WT', 'TFLOPS', 'TOPS']),
    D('density', 'kg/m^3', false, 'density', ['g/cm^3', 'kg/m^3']),
    D('magnetic-field', 'T', false, 'magnetic flux density', ['nT', 'mT', 'T']),
    D('dose', 'Gy', false, 'absorbed radiation dose', ['Gy', 'kGy']),
    D('dose-rate', 'Gy/s', false, 'radiation dose rate', ['Gy/s']),
    D('radioactivity', 'Bq', false, 'radioactivity', ['Bq', 'GBq', 'Ci']),
    D('viscosity', 'Pa.s', false, 'dynamic viscosity', ['Pa.s', 'mPa.s']),
    D('specific-impulse', 's', false, 'specific impulse', ['N.s/kg', 'kN.s/kg']),
    D('noise-density', 'g0/sqrtHz', false, 'noise per root hertz (written as µg0/sqrtHz, etc.)', ['µg0/sqrtHz']),
    D('specific-power', 'W/kg', false, 'power per mass', ['W/kg']),
    D('specific-energy', 'J/kg', false, 'energy per mass', ['J/kg', 'Wh/kg']),
    D('irradiance', 'W/m^2', false, 'power per area, irradiance', ['W/cm^2', 'W/m^2']),
    D('spectral-irradiance', 'W/m^2/Hz', false, 'power per area per hertz (acoustic power density)', ['mW/mm^2/Hz', 'W/m^2/Hz']),
    D('responsivity', 'A/W', false, 'photocurrent per optical power', ['mA/W', 'A/W']),
    D('angular-acceleration', 'deg/s^2', false, 'angular acceleration', ['rad/s^2', 'deg/s^2']),
    D('power-spectral-level', 'dBm/Hz', true, 'logarithmic power spectral density', ['dBm/Hz']),
    D('phase-noise', 'dBc/Hz', true, 'single sideband phase noise', ['dBc/Hz']),
    D('fluence', 'J/m^2', false, 'energy per area (a resist\'s sensitivity: the dose it takes)', ['J/cm^2', 'mJ/mm^2']),
    D('current-density', 'A/m^2', false, 'current per area', ['A/cm^2']),
    D('ctp', 'Mtops', false, 'composite theoretical performance (the pre-2006 measure of computers)', ['Mtops']),
    D('linear-density', 'kg/m', false, 'mass per length (explosive core load)', ['g/m', 'kg/m']),
    D('areal-density', 'kg/m^2', false, 'mass per area (mirror equivalent density)', ['kg/m^2']),
    D('conductivity', 'S/m', false, 'electrical conductivity', ['S/m']),
    D('resistivity', 'ohm.m', false, 'electrical resistivity', ['ohm.cm', 'ohm.m']),
    D('power-density', 'W/m^3', false, 'power per volume', ['kW/m^3', 'W/m^3']),
    D('energy-density', 'J/m^3', false, 'energy per volume', ['GJ/m^3', 'J/m^3']),
    D('particle-fluence', 'm^-2', false, 'particles per area (neutron fluence)', ['n/cm^2']),
    D('area-rate', 'm^2/s', false, 'area covered per time', ['m^2/s']),
    D('luminous-responsivity', 'A/lm', false, 'photocurrent per luminous flux', ['µA/lm', 'mA/lm']),
    D('thermal-expansion', 'K^-1', false, 'relative expansion per kelvin', ['K^-1']),
    D('kinematic-viscosity', 'mm^2/s', false, 'kinematic viscosity (mm^2/s, the centistokes; m^2/s is read as an area rate)', ['mm^2/s']),
    D('rockwell-hardness', 'HRC', false, 'hardness on the Rockwell C scale (written "Rc = 40")', ['HRC']),
    D('ageing-rate', 'month^-1', false, 'relative change per month (a frequency standard\'s long-term stability)', ['month^-1']),
    D('magnetic-gradient', 'T/m', false, 'magnetic field gradient', ['nT/m', 'pT/m']),
    D('fuel-consumption', 'kg/J', false, 'fuel mass per energy delivered', ['kg/kWh', 'g/kWh']),
    D('impulse', 'N.s', false, 'total impulse', ['kN.s', 'MN.s']),
    D('mass-flow', 'kg/s', false, 'mass per time', ['kg/s', 'kg/min']),
    D('current-rate', 'A/s', false, 'rate of change of current (di/dt)', ['A/µs', 'A/s']),
    D('voltage-rate', 'V/s', false, 'rate of change of voltage (dv/dt, slew rate)', ['V/µs', 'V/s']),
    D('charge-density', 'C/m^2', false, 'charge per area (resist sensitivity)', ['µC/mm^2', 'C/m^2']),
    D('attenuation', 'm^-1', false, 'absorption or attenuation coefficient', ['cm^-1', 'm^-1']),
    D('electro-optic-coefficient', 'm/V', false, 'second order non-linear susceptibility', ['m/V']),
    D('third-order-susceptibility', 'm^2/V^2', false, 'third order non-linear susceptibility', ['m^2/V^2']),
    D('mach-number', 'Mach', false, 'speed as a multiple of the local speed of sound', ['Mach']),
    D('specific-area', 'm^2/kg', false, 'surface area per mass (specific surface area)', ['m^2/g']),
    D('amount-per-mass', 'mol/kg', false, 'chemical equivalents per mass (hydroxyl value, exchange capacity)', ['meq/g']),
    D('spectral-efficiency', 'bit/s/Hz', false, 'data rate per hertz of bandwidth', ['bit/s/Hz']),
    D('sheet-resistance', 'ohm/sq', false, 'sheet (surface) resistivity', ['ohm/sq']),
    // Noise densities, per square root of a bandwidth or a time (magnetometers, gyros).
    D('magnetic-noise-density', 'T/Hz^0.5', false, 'magnetic field noise per square root of bandwidth (magnetometer sensitivity)', ['fT/Hz^0.5', 'pT/Hz^0.5', 'nT/Hz^0.5']),
    D('magnetic-gradient-noise-density', 'T/m/Hz^0.5', false, 'magnetic gradient noise per square root of bandwidth', ['pT/m/Hz^0.5', 'nT/m/Hz^0.5']),
    D('electric-field-noise-density', 'V/m/Hz^0.5', false, 'electric field noise per square root of bandwidth', ['nV/m/Hz^0.5']),
    D('angle-random-walk', 'deg/h^0.5', false, 'gyro angle random walk (angle per square root of time)', ['deg/h^0.5']),
    D('beam-quality', 'mm.mrad', false, 'beam parameter product: beam waist radius times divergence half-angle', ['mm.mrad'])
].map(d => [d.name, d] as const));

export const DIMENSION_NAMES: readonly string[] = [...DIMENSIONS.keys()];

export function dimensionOf(name: string): DimensionInfo | undefined {
    return DIMENSIONS.get(name);
}

interface BaseUnit { dimension: string; factor: Rational; offset?: Rational; prefixable: boolean; approximate?: boolean }

const r = (text: string) => Rational.parse(text);

/** 180/π to 30 significant digits: the one inexact factor in the registry. */
const DEGREES_PER_RADIAN = r('57.2957795130823208767981548141');

/** Units without prefixes applied; `prefixable` units accept SI prefixes (kHz, nm, µrad). */
const BASE_UNITS: Record<string, BaseUnit> = {
    m: { dimension: 'length', factor: r('1'), prefixable: true },
    'm^2': { dimension: 'area', factor: r('1'), prefixable: false },
    'mm^2': { dimension: 'area', factor: r('1e-6'), prefixable: false },
    'cm^2': { dimension: 'area', factor: r('1e-4'), prefixable: false },
    'm^3': { dimension: 'volume', factor: r('1'), prefixable: false },
    'cm^3': { dimension: 'volume', factor: r('1e-6'), prefixable: false },
    l: { dimension: 'volume', factor: r('1e-3'), prefixable: true },
    g: { dimension: 'mass', factor: r('1e-3'), prefixable: true },
    t: { dimension: 'mass', factor: r('1000'), prefixable: false },
    s: { dimension: 'time', factor: r('1'), prefixable: true },
    min: { dimension: 'time', factor: r('60'), prefixable: false },
    h: { dimension: 'time', factor: r('3600'), prefixable: false },
    Hz: { dimension: 'frequency', factor: r('1'), prefixable: true },
    W: { dimension: 'power', factor: r('1'), prefixable: true },
    J: { dimension: 'energy', factor: r('1'), prefixable: true },
    eV: { dimension: 'energy', factor: r('1.602176634e-19'), prefixable: true },
    V: { dimension: 'voltage', factor: r('1'), prefixable: true },
    A: { dimension: 'current', factor: r('1'), prefixable: true },
    ohm: { dimension: 'resistance', factor: r('1'), prefixable: true },
    'Ω': { dimension: 'resistance', factor: r('1'), prefixable: true },
    F: { dimension: 'capacitance', factor: r('1'), prefixable: true },
    C: { dimension: 'charge', factor: r('1'), prefixable: true },
    Ah: { dimension: 'charge', factor: r('3600'), prefixable: true },
    K: { dimension: 'temperature', factor: r('1'), prefixable: true },
    '°C': { dimension: 'temperature', factor: r('1'), offset: r('273.15'), prefixable: false },
    degC: { dimension: 'temperature', factor: r('1'), offset: r('273.15'), prefixable: false },
    Pa: { dimension: 'pressure', factor: r('1'), prefixable: true },
    bar: { dimension: 'pressure', factor: r('100000'), prefixable: true },
    N: { dimension: 'force', factor: r('1'), prefixable: true },
    'N.m': { dimension: 'torque', factor: r('1'), prefixable: false },
    'km/s': { dimension: 'velocity', factor: r('1000'), prefixable: false },
    'km/h': { dimension: 'velocity', factor: Rational.of(1000n, 3600n), prefixable: false },
    'm/s^2': { dimension: 'acceleration', factor: r('1'), prefixable: false },
    g0: { dimension: 'acceleration', factor: r('9.80665'), prefixable: true },
    // Angles use the degree as base: degrees, minutes and seconds of arc are then exact. A radian
    // is 180/π degrees, which no rational is; it is taken to 30 digits and marked approximate.
    deg: { dimension: 'angle', factor: r('1'), prefixable: false },
    '°': { dimension: 'angle', factor: r('1'), prefixable: false },
    arcmin: { dimension: 'angle', factor: Rational.of(1n, 60n), prefixable: false },
    arcsec: { dimension: 'angle', factor: Rational.of(1n, 3600n), prefixable: false },
    rad: { dimension: 'angle', factor: DEGREES_PER_RADIAN, prefixable: true, approximate: true },
    'deg/s': { dimension: 'angular-rate', factor: r('1'), prefixable: false },
    '°/s': { dimension: 'angular-rate', factor: r('1'), prefixable: false },
    'deg/h': { dimension: 'angular-rate', factor: Rational.of(1n, 3600n), prefixable: false },
    '°/h': { dimension: 'angular-rate', factor: Rational.of(1n, 3600n), prefixable: false },
    'rad/s': { dimension: 'angular-rate', factor: DEGREES_PER_RADIAN, prefixable: false, approximate: true },
    'bit/s': { dimension: 'data-rate', factor: r('1'), prefixable: true },
    bps: { dimension: 'data-rate', factor: r('1'), prefixable: true },
    bit: { dimension: 'information', factor: r('1'), prefixable: true },
    byte: { dimension: 'information', factor: r('8'), prefixable: true },
    '%': { dimension: 'ratio', factor: r('0.01'), prefixable: false },
    ppm: { dimension: 'ratio', factor: r('1e-6'), prefixable: false },
    '1': { dimension: 'ratio', factor: r('1'), prefixable: false },
    dB: { dimension: 'level', factor: r('1'), prefixable: false },
    dBm: { dimension: 'power-level', factor: r('1'), prefixable: false },
    // dBW = dBm - 30 exactly (a shift of the logarithmic scale).
    dBW: { dimension: 'power-level', factor: r('1'), offset: r('30'), prefixable: false },
    WT: { dimension: 'performance', factor: r('1'), prefixable: false },
    TFLOPS: { dimension: 'performance', factor: r('1'), prefixable: false },
    TOPS: { dimension: 'performance', factor: r('1'), prefixable: false },
    'g/cm^3': { dimension: 'density', factor: r('1000'), prefixable: false },
    'kg/m^3': { dimension: 'density', factor: r('1'), prefixable: false },
    T: { dimension: 'magnetic-field', factor: r('1'), prefixable: true },
    gauss: { dimension: 'magnetic-field', factor: r('1e-4'), prefixable: false },
    Gy: { dimension: 'dose', factor: r('1'), prefixable: true },
    'Gy/s': { dimension: 'dose-rate', factor: r('1'), prefixable: false },
    Bq: { dimension: 'radioactivity', factor: r('1'), prefixable: true },
    Ci: { dimension: 'radioactivity', factor: r('3.7e10'), prefixable: true },
    'Pa.s': { dimension: 'viscosity', factor: r('1'), prefixable: false },
    'mPa.s': { dimension: 'viscosity', factor: r('1e-3'), prefixable: false },
    'g0/sqrtHz': { dimension: 'noise-density', factor: r('1'), prefixable: true },
    nmi: { dimension: 'length', factor: r('1852'), prefixable: false },
    kn: { dimension: 'velocity', factor: Rational.of(1852n, 3600n), prefixable: false },
    Gal: { dimension: 'acceleration', factor: r('0.01'), prefixable: true },
    'byte/s': { dimension: 'data-rate', factor: r('8'), prefixable: true },
    'W/kg': { dimension: 'specific-power', factor: r('1'), prefixable: true },
    'J/kg': { dimension: 'specific-energy', factor: r('1'), prefixable: true },
    'Wh/kg': { dimension: 'specific-energy', factor: r('3600'), prefixable: true },
    'W/m^2': { dimension: 'irradiance', factor: r('1'), prefixable: true },
    'W/cm^2': { dimension: 'irradiance', factor: r('1e4'), prefixable: true },
    'W/m^2/Hz': { dimension: 'spectral-irradiance', factor: r('1'), prefixable: true },
    'W/mm^2/Hz': { dimension: 'spectral-irradiance', factor: r('1e6'), prefixable: true },
    'A/W': { dimension: 'responsivity', factor: r('1'), prefixable: true },
    'deg/s^2': { dimension: 'angular-acceleration', factor: r('1'), prefixable: false },
    'rad/s^2': { dimension: 'angular-acceleration', factor: DEGREES_PER_RADIAN, prefixable: false, approximate: true },
    'dBm/Hz': { dimension: 'power-spectral-level', factor: r('1'), prefixable: false },
    'dBc/Hz': { dimension: 'phase-noise', factor: r('1'), prefixable: false },
    'J/cm^2': { dimension: 'fluence', factor: r('1e4'), prefixable: true },
    'J/mm^2': { dimension: 'fluence', factor: r('1e6'), prefixable: true },
    'A/cm^2': { dimension: 'current-density', factor: r('1e4'), prefixable: true },
    Mtops: { dimension: 'ctp', factor: r('1'), prefixable: false },
    'mm^3': { dimension: 'volume', factor: r('1e-9'), prefixable: false },
    'm/s': { dimension: 'velocity', factor: r('1'), prefixable: true },
    'm/h': { dimension: 'velocity', factor: Rational.of(1n, 3600n), prefixable: true },
    'ohm/sq': { dimension: 'sheet-resistance', factor: r('1'), prefixable: true },
    'T/Hz^0.5': { dimension: 'magnetic-noise-density', factor: r('1'), prefixable: true },
    'T/m/Hz^0.5': { dimension: 'magnetic-gradient-noise-density', factor: r('1'), prefixable: true },
    'V/m/Hz^0.5': { dimension: 'electric-field-noise-density', factor: r('1'), prefixable: true },
    'deg/h^0.5': { dimension: 'angle-random-walk', factor: r('1'), prefixable: false },
    // Writing speeds of streak cameras ("exceeding 10 mm/µs", 6.A.3.a.3).
    'm/µs': { dimension: 'velocity', factor: r('1e6'), prefixable: true },
    // A year of 365.25 days (corrosion rates per year).
    'm/year': { dimension: 'velocity', factor: Rational.of(1n, 31557600n), prefixable: true },
    'g/ml': { dimension: 'density', factor: r('1000'), prefixable: false },
    'A/mm^2': { dimension: 'current-density', factor: r('1e6'), prefixable: true },
    'g/m': { dimension: 'linear-density', factor: r('1e-3'), prefixable: true },
    'kg/m^2': { dimension: 'areal-density', factor: r('1'), prefixable: false },
    'S/m': { dimension: 'conductivity', factor: r('1'), prefixable: true },
    'ohm.m': { dimension: 'resistivity', factor: r('1'), prefixable: true },
    'ohm.cm': { dimension: 'resistivity', factor: r('1e-2'), prefixable: true },
    'W/m^3': { dimension: 'power-density', factor: r('1'), prefixable: true },
    'J/m^3': { dimension: 'energy-density', factor: r('1'), prefixable: true },
    'n/cm^2': { dimension: 'particle-fluence', factor: r('1e4'), prefixable: false },
    'm^2/s': { dimension: 'area-rate', factor: r('1'), prefixable: false },
    'A/lm': { dimension: 'luminous-responsivity', factor: r('1'), prefixable: true },
    'K^-1': { dimension: 'thermal-expansion', factor: r('1'), prefixable: false },
    'mm^2/s': { dimension: 'kinematic-viscosity', factor: r('1'), prefixable: false },
    cSt: { dimension: 'kinematic-viscosity', factor: r('1'), prefixable: false },
    'month^-1': { dimension: 'ageing-rate', factor: r('1'), prefixable: false },
    HRC: { dimension: 'rockwell-hardness', factor: r('1'), prefixable: false },
    'T/m': { dimension: 'magnetic-gradient', factor: r('1'), prefixable: true },
    'kg/kWh': { dimension: 'fuel-consumption', factor: Rational.of(1n, 3600000n), prefixable: false },
    'g/kWh': { dimension: 'fuel-consumption', factor: Rational.of(1n, 3600000000n), prefixable: false },
    'N.s': { dimension: 'impulse', factor: r('1'), prefixable: true },
    // Specific impulse in N.s/kg is the exhaust velocity; divided by g0 (exact) it is seconds.
    'N.s/kg': { dimension: 'specific-impulse', factor: Rational.of(100000n, 980665n), prefixable: true },
    // Thrust-to-weight as N/kg is an acceleration.
    'N/kg': { dimension: 'acceleration', factor: r('1'), prefixable: true },
    'kg/s': { dimension: 'mass-flow', factor: r('1'), prefixable: false },
    'kg/min': { dimension: 'mass-flow', factor: Rational.of(1n, 60n), prefixable: false },
    'A/s': { dimension: 'current-rate', factor: r('1'), prefixable: true },
    'A/µs': { dimension: 'current-rate', factor: r('1e6'), prefixable: false },
    'V/s': { dimension: 'voltage-rate', factor: r('1'), prefixable: true },
    'V/µs': { dimension: 'voltage-rate', factor: r('1e6'), prefixable: false },
    'C/m^2': { dimension: 'charge-density', factor: r('1'), prefixable: true },
    'C/mm^2': { dimension: 'charge-density', factor: r('1e6'), prefixable: true },
    'm^-1': { dimension: 'attenuation', factor: r('1'), prefixable: false },
    'cm^-1': { dimension: 'attenuation', factor: r('100'), prefixable: false },
    'm/V': { dimension: 'electro-optic-coefficient', factor: r('1'), prefixable: false },
    'm^2/V^2': { dimension: 'third-order-susceptibility', factor: r('1'), prefixable: false },
    Mach: { dimension: 'mach-number', factor: r('1'), prefixable: false },
    // The international foot, exactly 0.3048 m (altitudes in feet).
    ft: { dimension: 'length', factor: r('0.3048'), prefixable: false },
    // Revolutions per minute: 360 degrees a minute, 6 degrees a second.
    rpm: { dimension: 'angular-rate', factor: r('6'), prefixable: false },
    // The poise, 0.1 Pa.s (centipoise: cP).
    P: { dimension: 'viscosity', factor: r('0.1'), prefixable: true },
    // Events per hour ("1 x 10^-9 failures per flight hour").
    'h^-1': { dimension: 'frequency', factor: Rational.of(1n, 3600n), prefixable: false },
    'm^2/g': { dimension: 'specific-area', factor: r('1000'), prefixable: false },
    // A milliequivalent per gram is an equivalent per kilogram.
    'meq/g': { dimension: 'amount-per-mass', factor: r('1'), prefixable: false },
    'bit/s/Hz': { dimension: 'spectral-efficiency', factor: r('1'), prefixable: false },
    'mm.mrad': { dimension: 'beam-quality', factor: r('1'), prefixable: false },
    // Stress written as force per area ("a proof test tensile stress of 2 x 10⁹ N/m² or more").
    'N/m^2': { dimension: 'pressure', factor: r('1'), prefixable: true },
    'N/mm^2': { dimension: 'pressure', factor: r('1e6'), prefixable: true }
};

const PREFIXES: Record<string, string> = {
    y: '1e-24', z: '1e-21', a: '1e-18', f: '1e-15', p: '1e-12', n: '1e-9', 'µ': '1e-6', 'μ': '1e-6', u: '1e-6',
    m: '1e-3', c: '1e-2', d: '1e-1', da: '1e1', h: '1e2', k: '1e3', M: '1e6', G: '1e9', T: '1e12', P: '1e15', E: '1e18'
};

const PREFIX_FACTORS: ReadonlyArray<[string, Rational]> = Object.entries(PREFIXES).map(([prefix, factor]) => [prefix, Rational.parse(factor)]);

/** Unit spellings repeat thousands of times in a list; each is resolved once. */
const lookedUp = new Map<string, UnitInfo | undefined>();

/** Looks up a unit as the grammar's Unit rule gives it (`GHz`, `um`, `Mbit/s`, `°C`, `%`). */
export function lookupUnit(text: string): UnitInfo | undefined {
    const symbol = text.trim();
    if (!lookedUp.has(symbol)) lookedUp.set(symbol, resolveUnit(symbol));
    return lookedUp.get(symbol);
}

function resolveUnit(symbol: string): UnitInfo | undefined {
    const direct = BASE_UNITS[symbol];
    if (direct) return toInfo(symbol, direct, Rational.ONE);
    // SI prefix on a prefixable unit; for compound units the prefix applies to the first factor.
    for (const [prefix, factor] of PREFIX_FACTORS) {
        if (!symbol.startsWith(prefix) || symbol.length === prefix.length) continue;
        const base = BASE_UNITS[symbol.slice(prefix.length)];
        if (base?.prefixable) return toInfo(symbol, base, factor);
    }
    return undefined;
}

function toInfo(symbol: string, unit: BaseUnit, prefix: Rational): UnitInfo {
    return { symbol, dimension: unit.dimension, factor: unit.factor.mul(prefix), offset: unit.offset ?? Rational.ZERO, approximate: unit.approximate ?? false };
}

/** The usual spellings of a dimension's units, for completion. */
export function unitsOfDimension(dimension: string): string[] {
    return [...(DIMENSIONS.get(dimension)?.common ?? [])];
}

/** Every spelling the registry knows without prefixes, for completion when the dimension is unknown. */
export function allUnitSymbols(): string[] {
    return Object.keys(BASE_UNITS);
}
