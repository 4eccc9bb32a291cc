import { useMemo } from 'react';
import { Label } from '@atlaskit/form';
import { LazySelect } from '../../common/LazySelect';
import type { TokenNames } from './audit-csv';

interface Option {
  label: string;
  value: string;
}

/** Any token: no filter. */
export const ANY_TOKEN = '';

interface TokenFilterProps {
  id: string;
  /** Tokens that reach the space, by id. */
  tokens: ReadonlyMap<string, TokenNames>;
  value: string;
  onChange: (tokenId: string) => void;
}

/** Picks one of the space's tokens, by label and owner, or any token. */
export function TokenFilter({ id, tokens, value, onChange }: TokenFilterProps) {
  const options: Option[] = useMemo(
    () => [
      { label: 'Any token', value: ANY_TOKEN },
      ...[...tokens].map(([tokenId, token]) => ({ label: `${token.label} (${token.owner.displayName})`, value: tokenId })),
    ],
    [tokens],
  );
  return (
    <div>
      <Label htmlFor={id}>Token</Label>
      <LazySelect<Option, false>
        inputId={id}
        options={options}
        value={options.find((option) => option.value === value) ?? options[0]}
        onChange={(option) => onChange(option?.value ?? ANY_TOKEN)}
        testId={id}
      />
    </div>
  );
}
