// The operator's column roles for the file on screen: suggested from the analysis's columns (or the
// mapping of the last upload with the same columns, remembered on this device per campaign), checked,
// and turned into the ColumnMapping the analysis and the upload use (undefined: the API's layout).
import { useCallback, useMemo, useState } from 'react';
import {
  type ColumnMapping,
  type ColumnRole,
  type CsvAnalysis,
  changeRole,
  isIdentity,
  layoutKey,
  type MappingIssue,
  rememberedRoles,
  rolesToMapping,
  suggestRoles,
  validateRoles,
} from '../../../lib/csv';
import type { Id } from '../../../types';

export const mappingKey = (campaignId: Id, layout: string) => `sipcaller.mapping.${campaignId}.${layout}`;

const readRemembered = (key: string, width: number): ColumnRole[] | null => {
  try {
    return rememberedRoles(JSON.parse(localStorage.getItem(key) ?? 'null'), width);
  } catch {
    return null;
  }
};

/**
 * Every layout's remembered roles for the campaign, for the analysis to apply the proposed mapping
 * from its first rows (AnalysisSettings.propose): the same roles this hook starts from.
 */
export const rememberedLayouts = (campaignId: Id): Record<string, unknown> => {
  const prefix = mappingKey(campaignId, '');
  const layouts: Record<string, unknown> = {};
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix))
        layouts[key.slice(prefix.length)] = JSON.parse(localStorage.getItem(key) ?? 'null');
    }
  } catch {
    // Storage disabled or a value that is not JSON: nothing (more) is remembered.
  }
  return layouts;
};

export interface ColumnMappingState {
  /** One role per column of analysis.columns (empty before an analysis). */
  roles: ColumnRole[];
  suggested: ColumnRole[];
  issues: MappingIssue[];
  /** What the analysis should apply: undefined for the API's layout or while the roles are invalid. */
  mapping: ColumnMapping | undefined;
  /** The roles send the file as it is laid out: nothing to map. */
  identity: boolean;
  /** The roles come from the last upload with these columns. */
  remembered: boolean;
  setRole: (column: number, role: ColumnRole) => void;
  reset: () => void;
  /** Keeps the roles for the next file with these columns (called when an upload starts). */
  remember: () => void;
}

interface Chosen {
  key: string;
  /** The file the roles were chosen for: another file starts from the remembered or suggested roles. */
  file: Blob | null;
  roles: ColumnRole[];
  suggested: ColumnRole[];
  remembered: boolean;
}

const NONE: ColumnRole[] = [];

export const useColumnMapping = (
  campaignId: Id,
  analysis: CsvAnalysis | null,
  knownNames: readonly string[],
  file: Blob | null,
): ColumnMappingState => {
  const columns = analysis?.columns ?? [];
  const fileColumns = analysis?.fileColumns ?? 0;
  const layout = analysis ? layoutKey(columns) : '';
  const storageKey = mappingKey(campaignId, layout);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const key = `${storageKey}#${fileColumns}`;
  let current = chosen;
  // A new layout (another file, sheet or header setting): the remembered roles, else the suggestion.
  if (analysis && (chosen === null || chosen.key !== key || chosen.file !== file)) {
    const suggested = suggestRoles({ columns: analysis.columns, knownNames });
    const remembered = readRemembered(storageKey, columns.length);
    current = { key, file, roles: remembered ?? suggested, suggested, remembered: remembered !== null };
    setChosen(current);
  }
  const suggested = current?.suggested ?? NONE;
  const roles = analysis && current ? current.roles : [];
  // An analysis without columns (an empty file) has nothing to map.
  const mappable = analysis !== null && columns.length > 0;
  const issues = useMemo(() => (mappable ? validateRoles(roles, columns) : []), [mappable, roles, columns]);
  const identity = mappable ? isIdentity(roles, fileColumns) : true;
  const mappingJson = identity || issues.length > 0 ? '' : JSON.stringify(rolesToMapping(roles));
  const mapping = useMemo<ColumnMapping | undefined>(
    () => (mappingJson ? (JSON.parse(mappingJson) as ColumnMapping) : undefined),
    [mappingJson],
  );

  const setRole = useCallback(
    (column: number, role: ColumnRole) =>
      setChosen((previous) =>
        previous
          ? {
              ...previous,
              // Ignore or Number on a variable closes its gap; a new variable makes room.
              roles: changeRole(previous.roles, column, role),
            }
          : previous,
      ),
    [],
  );
  const reset = useCallback(() => {
    try {
      localStorage.removeItem(storageKey);
    } catch {
      // Storage disabled: nothing was remembered.
    }
    setChosen({ key, file, roles: suggested, suggested, remembered: false });
  }, [storageKey, key, file, suggested]);
  const remember = useCallback(() => {
    try {
      if (roles.length > 0) localStorage.setItem(storageKey, JSON.stringify(roles));
    } catch {
      // Storage full or disabled: the mapping is a convenience.
    }
  }, [storageKey, roles]);

  return {
    roles,
    suggested,
    issues,
    mapping,
    identity,
    remembered: Boolean(current?.remembered),
    setRole,
    reset,
    remember,
  };
};
