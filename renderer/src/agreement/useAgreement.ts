// The Agreement screen's state: the store's analysts, the ones chosen, and the figures for them
// (asked again when the choice changes; an older answer never overwrites a newer one).
import { useEffect, useRef, useState } from 'react';
import type { AgreementReportData } from '../../../shared/schemas/agreement';
import { call, messageOf } from '../api';

export interface Analyst {
  id: string;
  name: string;
}

/** The last list seen: a screen shown again starts from it while the list is asked again. */
let lastAnalysts: Analyst[] | null = null;

export function useAnalysts(): { analysts: Analyst[] | null; error: string | null } {
  const [analysts, setAnalysts] = useState<Analyst[] | null>(lastAnalysts);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('agreement.analysts', {}).then(
      (list) => {
        const same = lastAnalysts !== null && JSON.stringify(lastAnalysts) === JSON.stringify(list);
        lastAnalysts = list;
        if (!same) setAnalysts(list);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, []);
  return { analysts, error };
}

export function useAgreement(chosen: readonly string[]): { report: AgreementReportData | null; error: string | null; loading: boolean } {
  const [report, setReport] = useState<AgreementReportData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const serial = useRef(0);
  const key = chosen.join('\u0000');
  useEffect(() => {
    const mine = ++serial.current;
    setLoading(true);
    call('agreement.report', { analysts: [...chosen] }).then(
      (r) => {
        if (mine !== serial.current) return;
        setReport(r);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== serial.current) return;
        setReport(null);
        setError(messageOf(e));
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { report, error, loading };
}
