import {
  AuditOutlined,
  BellOutlined,
  BookOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FlagOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LinkOutlined,
  SendOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { TGroupKey, TPageKey } from '../app/nav.ts';

/** Icons stay out of nav.ts so the table remains plain data that unit tests can import without JSX. */
export const NAV_ICONS: Record<TPageKey | TGroupKey, ReactNode> = {
  home: <HomeOutlined />,
  me: <SolutionOutlined />,
  graduates: <IdcardOutlined />,
  cases: <FileDoneOutlined />,
  pairing: <LinkOutlined />,
  handover: <SendOutlined />,
  siqing: <CheckSquareOutlined />,
  ledgerRules: <FieldTimeOutlined />,
  imports: <CloudUploadOutlined />,
  reference: <DatabaseOutlined />,
  regions: <EnvironmentOutlined />,
  focusCounties: <FlagOutlined />,
  codeTables: <TableOutlined />,
  supportPairs: <TeamOutlined />,
  orgs: <ClusterOutlined />,
  audit: <AuditOutlined />,
  users: <UserSwitchOutlined />,
  account: <UserOutlined />,
  notifications: <BellOutlined />,
  password: <KeyOutlined />,
};

export const BRAND_ICON = <BookOutlined />;
