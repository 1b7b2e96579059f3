import * as l10n from '@vscode/l10n';
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { CldAstType, Entry, Formula, Item, ParameterDecl, Quantity, Threshold } from '../generated/ast.js';
import { isThreshold } from '../generated/ast.js';
import type { CldCoreServices } from '../cld-module.js';
import { convert, quantityFromAst, toBaseValue } from '../quantities/quantity.js';
import { DIMENSION_NAMES, dimensionOf, lookupUnit } from '../quantities/units.js';
import { boundsOf, scopeOfItem, scopeOfThreshold, thresholdValues } from '../scopes/item-scope.js';
import { Scope } from '../scopes/scope.js';

export const THRESHOLD_DIAGNOSTIC_CODES = {
    'unknown-dimension': 'A parameter declares a dimension the unit registry does not know.',
    'unknown-unit': 'A threshold or a parameter names a unit the registry does not know.',
    'bad-number': 'A threshold value is not a number CLD can read exactly.',
    'unit-dimension': "A threshold's unit does not measure the parameter's dimension (wavelength < 5 GHz).",
    'missing-unit': 'A threshold on a dimension with units gives a bare number.',
    'negative-value': 'A negative value where the dimension cannot be negative (< -3 nm).',
    'empty-threshold': 'A threshold admits no value at all (from 5 nm to 3 nm, < 0 nm).',
    'contradictory-thresholds': "An item's all-of conditions can never hold together.",
    'unit-not-preferred': "A threshold's unit differs from the parameter's preferred unit; a quick fix converts it exactly."
} as const;

export type ThresholdDiagnosticCode = keyof typeof THRESHOLD_DIAGNOSTIC_CODES;

/** Data the unit quick fix needs: the exact converted value, when it is a terminating decimal. */
export interface UnitConversionData {
    code: 'unit-not-preferred';
    from: string;
    to: string;
    converted?: string;
}

export function thresholdChecks(_services: CldCoreServices): ValidationChecks<CldAstType> {
    return {
        ParameterDecl: checkParameter,
        Threshold: checkThreshold,
        Item: checkContradictions,
        Entry: checkContradictions
    };
}

function checkParameter(parameter: ParameterDecl, accept: ValidationAcceptor): void {
    const dimension = dimensionOf(parameter.dimension);
    if (!dimension) {
        accept('error', l10n.t("Unknown dimension '{0}'. Known dimensions: {1}.", parameter.dimension, DIMENSION_NAMES.join(', ')), { node: parameter, property: 'dimension', code: 'unknown-dimension' });
        return;
    }
    if (parameter.unit === undefined) return;
    const unit = lookupUnit(parameter.unit);
    if (!unit) {
        accept('error', l10n.t("Unknown unit '{0}'.", parameter.unit), { node: parameter, property: 'unit', code: 'unknown-unit' });
    } else if (unit.dimension !== dimension.name) {
        accept('error', l10n.t("'{0}' measures {1}, but parameter '{2}' is a {3}.", parameter.unit, unit.dimension, parameter.name, dimension.name), { node: parameter, property: 'unit', code: 'unit-dimension' });
    }
}

function checkThreshold(threshold: Threshold, accept: ValidationAcceptor): void {
    const parameter = threshold.parameter?.ref;
    const quantities = boundsOf(threshold).flatMap(b => [b.value, b.low, b.high]).filter((q): q is Quantity => q !== undefined);
    let unitsOk = true;
    for (const q of quantities) unitsOk = checkQuantity(q, parameter, accept) && unitsOk;
    for (const formula of boundsOf(threshold).map(b => b.formula).filter((f): f is Formula => f !== undefined)) unitsOk = checkFormula(formula, parameter, accept) && unitsOk;
    if (!parameter || !unitsOk) return;
    const dimension = dimensionOf(parameter.dimension);
    if (dimension && !dimension.negativeAllowed) {
        const negative = quantities.find(q => quantityValueSign(q) < 0);
        if (negative) {
            accept('error', l10n.t('{0} is a {1}, which cannot be negative.', parameter.name, dimension.name), { node: negative, code: 'negative-value' });
            return;
        }
    }
    if (thresholdValues(threshold)?.isEmpty()) {
        accept('error', l10n.t('This threshold admits no value of {0} at all.', parameter.name), { node: threshold, code: 'empty-threshold' });
    }
}

/** The sign in base units, so -40 °C (233.15 K) is not negative but -3 nm is. */
function quantityValueSign(q: Quantity): number {
    const result = quantityFromAst(q);
    return result.ok ? toBaseValue(result.quantity).sign() : 0;
}

/** Checks one quantity's number and unit against the parameter; false when the unit is unusable. */
function checkQuantity(q: Quantity, parameter: ParameterDecl | undefined, accept: ValidationAcceptor): boolean {
    const result = quantityFromAst(q);
    if (!result.ok) {
        accept('error', quantityProblem(q, result.kind, result.message), { node: q, property: result.kind === 'unknown-unit' ? 'unit' : 'value', code: result.kind });
        return false;
    }
    const dimension = parameter ? dimensionOf(parameter.dimension) : undefined;
    if (!parameter || !dimension) return true;
    const unit = result.quantity.unit;
    if (!unit) {
        if (dimension.base === '1') return true;
        accept('error', l10n.t('{0} is a {1}: give a unit ({2}).', parameter.name, dimension.name, dimension.common.slice(0, 4).join(', ')), { node: q, property: 'value', code: 'missing-unit' });
        return false;
    }
    if (unit.dimension !== dimension.name) {
        accept('error', unitDimensionMessage(unit.symbol, unit.dimension, parameter.name, dimension), { node: q, property: 'unit', code: 'unit-dimension' });
        return false;
    }
    const preferred = parameter.unit ? lookupUnit(parameter.unit) : undefined;
    if (preferred && preferred.dimension === unit.dimension && preferred.symbol !== unit.symbol) {
        const value = convert(result.quantity.value, unit, preferred);
        const data: UnitConversionData = { code: 'unit-not-preferred', from: `${q.value} ${unit.symbol}`, to: preferred.symbol };
        if (value && value.isTerminatingDecimal() && !unit.approximate && !preferred.approximate) data.converted = value.toDecimalString();
        accept('info', data.converted ? l10n.t('{0} is written in {1}; this threshold is in {2} ({3} {1}).', parameter.name, preferred.symbol, unit.symbol, data.converted) : l10n.t('{0} is written in {1}; this threshold is in {2}.', parameter.name, preferred.symbol, unit.symbol), { node: q, property: 'unit', code: 'unit-not-preferred', data });
    }
    return true;
}

/** A formula's unit, checked as a value's is: known, and of the parameter's dimension. Its expression is not evaluated. */
function checkFormula(formula: Formula, parameter: ParameterDecl | undefined, accept: ValidationAcceptor): boolean {
    if (formula.expression.trim() === '') {
        accept('error', l10n.t('A formula needs its expression ("(N log2 N)/20,480").'), { node: formula, property: 'expression', code: 'bad-number' });
        return false;
    }
    const dimension = parameter ? dimensionOf(parameter.dimension) : undefined;
    if (formula.unit === undefined) {
        if (!parameter || !dimension || dimension.base === '1') return true;
        accept('error', l10n.t("{0} is a {1}: give the formula's unit ({2}).", parameter.name, dimension.name, dimension.common.slice(0, 4).join(', ')), { node: formula, property: 'expression', code: 'missing-unit' });
        return false;
    }
    const unit = lookupUnit(formula.unit);
    if (!unit) {
        accept('error', l10n.t("Unknown unit '{0}'.", formula.unit), { node: formula, property: 'unit', code: 'unknown-unit' });
        return false;
    }
    if (parameter && dimension && unit.dimension !== dimension.name) {
        accept('error', unitDimensionMessage(unit.symbol, unit.dimension, parameter.name, dimension), { node: formula, property: 'unit', code: 'unit-dimension' });
        return false;
    }
    return true;
}

/** all-of conditions that can never hold together: own thresholds, or all-of sub-items. */
function checkContradictions(node: Entry | Item, accept: ValidationAcceptor): void {
    if (node.reserved) return;
    const own = node.members.filter(isThreshold);
    const ownScopes = own.map(scopeOfThreshold);
    if (own.length > 1 && Scope.allOf(ownScopes).isEmpty() && ownScopes.every(s => !s.isEmpty())) {
        for (const threshold of own) {
            accept('error', l10n.t('The conditions of {0} contradict each other: no value satisfies all of them.', describe(node)), { node: threshold, code: 'contradictory-thresholds' });
        }
        return;
    }
    if (node.combinator === 'all-of' && scopeOfItem(node).isEmpty() && !ownOrChildEmpty(node)) {
        accept('error', l10n.t('The sub-items of {0} are combined with all-of but can never hold together.', describe(node)), { node, property: 'combinator', code: 'contradictory-thresholds' });
    }
}

/** True when some part is empty on its own: that is reported at the part, not again here. */
function ownOrChildEmpty(node: Entry | Item): boolean {
    return node.members.some(m => (isThreshold(m) && scopeOfThreshold(m).isEmpty()) || (m.$type === 'Item' && scopeOfItem(m as Item).isEmpty()));
}

function describe(node: Entry | Item): string {
    return 'label' in node ? l10n.t('item {0}', node.label) : l10n.t('entry {0}', node.code);
}

function unitDimensionMessage(symbol: string, unitDimension: string, parameter: string, dimension: { name: string; common: readonly string[] }): string {
    return l10n.t("'{0}' measures {1}, but {2} is a {3} (use {4}).", symbol, unitDimension, parameter, dimension.name, dimension.common.slice(0, 4).join(', '));
}

/** A quantity that cannot be read: an unknown unit, or a number out of the decimal form or range. */
function quantityProblem(q: Quantity, kind: 'bad-number' | 'unknown-unit', message: string): string {
    if (kind === 'unknown-unit') return l10n.t("Unknown unit '{0}'.", q.unit ?? '');
    const text = (q.value ?? '').replace(/\s+/g, '');
    return message.includes('exponent out of range') ? l10n.t("'{0}': exponent out of range.", text) : l10n.t("'{0}' is not a decimal number.", text);
}
