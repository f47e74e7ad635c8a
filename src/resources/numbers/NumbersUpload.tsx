import { CampaignPage } from './create/CampaignPage';
import { UploadPanel } from './upload/UploadPanel';

const NumbersUpload = () => (
  <CampaignPage titleKey="upload.upload.title" crumbKey="upload.upload.crumb">
    {(campaign) => <UploadPanel campaign={campaign} />}
  </CampaignPage>
);

export default NumbersUpload;
