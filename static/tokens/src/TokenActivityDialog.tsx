import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import ModalDialog, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import type { DayActivity, TokenInfo } from '../../../src/contract/resolvers';
import { ActivityChart } from '../../common/charts/ActivityChart';
import { RecentRequests } from './RecentRequests';
import { TOKEN_CHART_LABEL } from './TokenTable';

interface TokenActivityDialogProps {
  token: TokenInfo;
  days: DayActivity[];
  onClose: () => void;
}

/** A token's sparkline, opened: its requests per day by outcome, then its latest requests with why each failed. */
export function TokenActivityDialog({ token, days, onClose }: TokenActivityDialogProps) {
  return (
    <ModalDialog onClose={onClose} width="large" testId="token-activity-dialog">
      <ModalHeader>
        <ModalTitle>“{token.label}”, last 30 days</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <ActivityChart days={days} label={`${TOKEN_CHART_LABEL}, ${token.label}`} testId="token-activity" />
        <div className="dialog-section">
          <Heading as="h3" size="small">
            Recent requests
          </Heading>
        </div>
        <RecentRequests tokenId={token.id} />
      </ModalBody>
      <ModalFooter>
        <Button appearance="primary" onClick={onClose} testId="token-activity-close">
          Close
        </Button>
      </ModalFooter>
    </ModalDialog>
  );
}
