import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import {
  Box,
  Button,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { CsvAnalysis, UploadMode } from '../../../lib/csv';
import { DoNotCallChoiceNotice } from './DoNotCallNotice';
import { formatCount } from './format';

interface UploadChoiceProps {
  analysis: CsvAnalysis;
  mode: UploadMode;
  onModeChange: (mode: UploadMode) => void;
  disabled: boolean;
  canUpload: boolean;
  onUpload: () => void;
  /** Valid rows left out by calling hours and number types (CallingHoursSection). */
  leftOut?: number;
}

/** Valid rows only (E.164, duplicates dropped) or the file as it is, and the Upload button. */
export const UploadChoice = ({
  analysis,
  mode,
  onModeChange,
  disabled,
  canUpload,
  onUpload,
  leftOut = 0,
}: UploadChoiceProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const sent = analysis.valid - leftOut;
  const nothingToSend = mode === 'valid' ? sent <= 0 : analysis.rows === 0;
  return (
    <Box>
      <FormControl disabled={disabled}>
        <FormLabel id="upload-mode-label">{translate('upload.choice.label')}</FormLabel>
        <RadioGroup
          aria-labelledby="upload-mode-label"
          value={mode}
          onChange={(event) => onModeChange(event.target.value as UploadMode)}
        >
          <FormControlLabel
            value="valid"
            control={<Radio />}
            label={translate('upload.choice.valid', {
              smart_count: sent,
              count: formatCount(sent, locale),
            })}
          />
          {leftOut > 0 ? (
            <FormHelperText sx={{ mt: -0.5, ml: 4 }}>
              {translate('upload.hours.choiceLeftOut', {
                smart_count: leftOut,
                count: formatCount(leftOut, locale),
              })}
            </FormHelperText>
          ) : null}
          <FormControlLabel
            value="asIs"
            control={<Radio />}
            label={translate('upload.choice.asIs', {
              smart_count: analysis.rows,
              count: formatCount(analysis.rows, locale),
            })}
          />
        </RadioGroup>
        {mode === 'valid' && analysis.valid === 0 && analysis.rows > 0 ? (
          <FormHelperText>{translate('upload.choice.noneValid')}</FormHelperText>
        ) : null}
      </FormControl>
      <DoNotCallChoiceNotice analysis={analysis} mode={mode} />
      <Box sx={{ mt: 1 }}>
        <Button
          variant="contained"
          size="large"
          startIcon={<CloudUploadIcon />}
          onClick={onUpload}
          disabled={disabled || !canUpload || nothingToSend}
        >
          {translate('upload.actions.upload')}
        </Button>
      </Box>
    </Box>
  );
};
