// Highlights by review status: colour them by status, or hide the statuses not wanted now (say,
// everything already corroborated). A filter of the reader's painting, not of the data.
import { useState } from 'react';
import type { LabelWithAttributes } from '../../../shared/schemas/schema';
import { noStatus, statusColour, statusOptions, type StatusFilter } from '../reader/status-filter';

interface StatusFilterBarProps {
  schemaLabels: readonly LabelWithAttributes[];
  filter: StatusFilter;
  onChange(filter: StatusFilter): void;
}

export function StatusFilterBar({ schemaLabels, filter, onChange }: StatusFilterBarProps) {
  const options = statusOptions(schemaLabels);
  const active = filter.byStatus || filter.hidden.size > 0;
  const [shown, setShown] = useState(false);
  if (options.length <= 1) return null;
  const disclosure = (
    <button
      type="button"
      className={`filter-chip status-toggle${active ? ' on' : ''}`}
      aria-expanded={shown}
      aria-controls="status-filters"
      onClick={() => setShown((was) => !was)}
      title="Colour or hide highlights by status"
    >
      Status {shown ? '▴' : '▾'}
    </button>
  );
  if (!shown) return disclosure;
  const toggle = (status: string) => {
    const hidden = new Set(filter.hidden);
    if (!hidden.delete(status)) hidden.add(status);
    onChange({ ...filter, hidden });
  };
  return (
    <>
    {disclosure}
    <div id="status-filters" className="filters status-filters" role="group" aria-label="Highlights by status">
      <button
        type="button"
        className={`filter-chip${filter.byStatus ? ' on' : ''}`}
        aria-pressed={filter.byStatus}
        onClick={() => onChange({ ...filter, byStatus: !filter.byStatus })}
        title="Colour highlights by status instead of by label"
      >
        Colour by status
      </button>
      {options.map((status, i) => {
        const shown = !filter.hidden.has(status);
        const name = status === noStatus ? 'no status' : status;
        return (
          <button
            key={status || 'none'}
            type="button"
            className={`filter-chip${shown ? ' on' : ''}`}
            aria-pressed={shown}
            aria-label={`Highlight ${name}`}
            title={shown ? `Hide the highlights of ${name} annotations` : `Show the highlights of ${name} annotations`}
            onClick={() => toggle(status)}
          >
            {filter.byStatus && <span className="swatch" style={{ background: statusColour(status, i) }} aria-hidden="true" />}
            {name}
          </button>
        );
      })}
    </div>
    </>
  );
}
