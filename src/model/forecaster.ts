import { z } from 'zod';
import { AggregateSpec } from './aggregate.js';
import { Slug, Text } from './primitives.js';
import { Provenance } from './provenance.js';

/** Whether a forecaster is a person or an organization, as an `as const` tuple. */
export const FORECASTER_TYPES = ['person', 'organization'] as const;
/** `person` or `organization`. */
export type ForecasterType = (typeof FORECASTER_TYPES)[number];

/**
 * Someone who makes forecasts: a person or an organization.
 *
 * @remarks
 * `aliases` holds other spellings, including names in the original script (e.g. `黃仁勳`), so a
 * reader can match a forecaster to the text of a source.
 */
export const Forecaster = z.object({
  /** Stable slug id, e.g. `jensen-huang`. */
  id: Slug,
  /** Display name. */
  name: Text,
  /** `person` or `organization`. */
  type: z.enum(FORECASTER_TYPES),
  /** The organization a person speaks for, or the parent of an organization, in words. */
  affiliation: Text.optional(),
  /** Other names, including the original script. */
  aliases: z.array(Text).default([]),
  /** One line on who this is. */
  description: Text.optional(),
  /** Where the forecaster was imported from, if imported (see {@link Provenance}). */
  provenance: Provenance.optional(),
  /**
   * Makes this a virtual forecaster whose forecasts are computed from its members' when scored
   * (see {@link AggregateSpec} and `Ledger.addAggregate`); it has no forecasts of its own.
   */
  aggregate: AggregateSpec.optional(),
});
/** Someone who makes forecasts; see {@link Forecaster}. */
export type Forecaster = z.infer<typeof Forecaster>;
/** A forecaster as written by a user, before defaults are applied. */
export type ForecasterInput = z.input<typeof Forecaster>;
