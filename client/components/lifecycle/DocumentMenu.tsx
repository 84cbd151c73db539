import { useNavigate } from '@solidjs/router';
import type { DocumentInfo } from '../../api.js';
import { DocumentActions, type LifecycleEvent } from './DocumentActions.jsx';

/**
 * The lifecycle actions on an open document: a copy opens at once, a deleted document leaves
 * for its workspace. A rename needs nothing here (the new title arrives live in the
 * document), nor does archiving (the server closes the socket 4403; the page re-reads the
 * document and says it is archived, read-only).
 */
export function DocumentMenu(props: { info: DocumentInfo }) {
  const navigate = useNavigate();
  const onChange = (event: LifecycleEvent) => {
    if (event.kind === 'duplicated') navigate(`/d/${event.copy.id}`);
    else if (event.kind === 'deleted') navigate(`/w/${props.info.workspaceId}`);
  };
  return <DocumentActions document={props.info} role={props.info.role} archived={props.info.readOnly?.code === 'document.archived'} onChange={onChange} />;
}
