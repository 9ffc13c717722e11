// Shared empty values: store selectors must return the same object each time.
import type { Catalog } from '../../shared/plan/catalog';

export const NO_CATALOG: Catalog = [];
