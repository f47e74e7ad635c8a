import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { IconButton, InputAdornment } from '@mui/material';
import { type Ref, useState } from 'react';
import { useTranslate } from 'react-admin';
import { FormField } from './FormField';

interface TokenFieldProps {
  value: string;
  onChange: (value: string) => void;
  inputRef: Ref<HTMLInputElement>;
  invalid: boolean;
}

/** The API token input: masked like a password, with a button that reveals it to check a paste. */
export const TokenField = ({ value, onChange, inputRef, invalid }: TokenFieldProps) => {
  const translate = useTranslate();
  const [visible, setVisible] = useState(false);
  return (
    <FormField
      label={translate('app.auth.token')}
      type={visible ? 'text' : 'password'}
      value={value}
      onChange={onChange}
      inputRef={inputRef}
      invalid={invalid}
      required
      autoFocus
      autoComplete="current-password"
      endAdornment={
        <InputAdornment position="end">
          <IconButton
            aria-label={translate(visible ? 'app.auth.hideToken' : 'app.auth.showToken')}
            onClick={() => setVisible((shown) => !shown)}
            edge="end"
          >
            {visible ? <VisibilityOffIcon /> : <VisibilityIcon />}
          </IconButton>
        </InputAdornment>
      }
    />
  );
};
