import { CampaignPage } from '../shared/CampaignPage';
import { UploadPanel } from './UploadPanel';

const NumbersUpload = () => (
  <CampaignPage titleKey="upload.upload.title" crumbKey="upload.upload.crumb">
    {(campaign) => <UploadPanel campaign={campaign} />}
  </CampaignPage>
);

export default NumbersUpload;
