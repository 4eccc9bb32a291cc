import { useState, type RefObject } from 'react';
import Button from '@atlaskit/button/new';
import { copyText, selectText } from './clipboard';

type CopyState = 'idle' | 'copied' | 'manual';

const STATUS: Record<CopyState, string> = {
  idle: '',
  copied: 'Copied to the clipboard.',
  manual: 'Copying is blocked here. The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
};

interface CopyButtonProps {
  text: string;
  /** Selected for a manual copy when the clipboard refuses. */
  target: RefObject<HTMLElement | null>;
  label: string;
  testId: string;
}

/** Copies `text`, falling back to selecting it, and says which happened. */
export function CopyButton({ text, target, label, testId }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  async function copy() {
    if (await copyText(text)) {
      setState('copied');
      return;
    }
    if (target.current) selectText(target.current);
    setState('manual');
  }

  return (
    <div className="button-row">
      <Button onClick={copy} testId={testId}>
        {label}
      </Button>
      <span role="status" className="subtle" data-testid={`${testId}-status`}>
        {STATUS[state]}
      </span>
    </div>
  );
}
