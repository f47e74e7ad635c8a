import { Paper } from '@mui/material';
import { useEffect } from 'react';
import { useCreatePath, useTranslate } from 'react-admin';
import { downloadBlob } from '../../../components/download';
import { problemsToCsv } from '../../../lib/csv';
import type { Id } from '../../../types';
import { derivedName } from './format';
import { useDescribeProblem } from './PreviewTable';
import { kindCounts } from './problemKinds';
import { summarySeen } from './registry';
import type { UploadRunState } from './session';
import { type SummaryProblem, summarise } from './summary';
import { UploadSummaryView } from './UploadSummaryView';
import type { Upload } from './useUpload';

interface UploadDoneProps {
  campaignId: Id;
  upload: Upload;
  run: UploadRunState;
  fileName: string;
  onAnother: () => void;
}

/** The summary of a finished upload: the server's answers merged with what the console left out. */
export const UploadDone = ({ campaignId, upload, run, fileName, onAnother }: UploadDoneProps) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  // On screen: the app bar's "finished" link has done its work.
  useEffect(() => {
    summarySeen(upload.session);
  }, [upload.session]);
  const describeProblem = useDescribeProblem();
  const valid = upload.mode === 'valid';
  const summary = summarise({
    parts: run.parts,
    sourceLine: upload.session.sourceLine,
    dropped: valid ? upload.analysis.problems : [],
    droppedCount: valid ? upload.analysis.rows - upload.analysis.valid : 0,
    kinds: kindCounts(upload.analysis),
    sentAsIs: valid ? null : upload.analysis.rows,
    leftOut: valid ? upload.leftOut : null,
    totalBefore: run.totalBefore,
    totalAfter: run.totalAfter,
  });
  const explain = (problem: SummaryProblem) =>
    problem.source === 'server'
      ? problem.reason
      : problem.reason === 'leftOutType'
        ? translate('upload.summary.leftOutRow.type', {
            type: translate(`upload.hours.type.${problem.numberType}`),
          })
        : problem.reason === 'leftOutHours'
          ? translate('upload.summary.leftOutRow.hours')
          : describeProblem({ ...problem, reason: problem.reason as never, values: problem.values ?? {} });
  const download = () =>
    downloadBlob(
      problemsToCsv(
        summary.problems.map((problem) => ({
          line: problem.line,
          reason: explain(problem) as never,
          raw: translate(`upload.summary.source.${problem.source}`),
        })),
        [
          translate('upload.problems.line'),
          translate('upload.problems.reason'),
          translate('upload.summary.sourceColumn'),
        ],
      ),
      derivedName(fileName, 'upload-summary'),
    );
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
      <UploadSummaryView
        summary={summary}
        totalBefore={run.totalBefore}
        totalAfter={run.totalAfter}
        partCount={run.parts.length}
        campaignPath={createPath({ resource: 'campaigns', type: 'show', id: campaignId })}
        explain={explain}
        onAnother={onAnother}
        onDownload={download}
      />
    </Paper>
  );
};
